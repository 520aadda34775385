import { describe, expect, it } from 'vitest';
import { expectNoLeaks, setBackend, tf, type Tensor2D } from '@neurite/tensor';
import { backendHasFft, bind, bindTensor, HrrError, randomVectors, unbind, unbindTensor } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

describe.each(['cpu', 'wasm'] as const)('bindTensor / unbindTensor on %s', (backend) => {
  it.each([7, 64, 1000])('equal the CPU path (D = %i, batch 5, broadcasting)', async (D) => {
    await setBackend(backend);
    const A = randomVectors('hrr', D, 'ta', 5), b = randomVectors('hrr', D, 'tb');
    const ta = tf.tensor2d(A, [5, D]) as Tensor2D, tb = tf.tensor2d(b, [1, D]) as Tensor2D;
    const c = bindTensor(ta, tb), u = unbindTensor(c, tb);
    expect(c.shape).toEqual([5, D]);
    const ref = bind(A, b);
    expect(maxAbsDiff(await c.data(), ref)).toBeLessThan(1e-5);
    expect(maxAbsDiff(await u.data(), unbind(ref, b))).toBeLessThan(1e-5);
    await expectNoLeaks(() => { bindTensor(ta, tb).dispose(); unbindTensor(c, tb).dispose(); }, { iterations: 20 });
    tf.dispose([ta, tb, c, u]);
    expect(typeof backendHasFft()).toBe('boolean');
  });

  it('rejects bad shapes with HrrError', async () => {
    await setBackend(backend);
    const a = tf.zeros([2, 4]) as Tensor2D, b = tf.zeros([3, 4]) as Tensor2D, c = tf.zeros([2, 5]) as Tensor2D;
    expect(() => bindTensor(a, b)).toThrow(HrrError);
    expect(() => bindTensor(a, c)).toThrow(/D=4/);
    tf.dispose([a, b, c]);
  });
});
