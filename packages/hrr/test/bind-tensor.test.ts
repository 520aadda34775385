import { describe, expect, it } from 'vitest';
import { expectNoLeaks, setBackend, tf, type Tensor2D } from '@neurite/tensor';
import { bind, bindTensor, createVsa, HrrError, randomVectors, unbind, unbindTensor, type VsaModel } from '../src/index.js';
import { maxAbsDiff, row } from './helpers.js';

/**
 * The tensor path against the typed-array path (itself checked against the direct O(D²)
 * convolution in bind.test.ts). Tolerance 1e-5: both are float32 results of O(D log D) FFTs of
 * N(0, 1/D) vectors whose outputs are O(1); tfjs runs its FFT in float32, so each output carries
 * ~log2(D)·ε₃₂·‖a‖‖b‖ ≈ 10 · 6e-8 · O(1) error, well below 1e-5 but far above float64 noise.
 */
describe.each(['cpu', 'wasm'] as const)('bindTensor / unbindTensor on %s', (backend) => {
  it.each([7, 64, 1000])('hrr equals the typed-array bind/unbind (D = %i, batch 5, single-row broadcast)', async (D) => {
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
  });

  it.each(['fhrr', 'map'] as VsaModel[])('%s equals Vsa.bind / Vsa.unbind of the model', async (model) => {
    await setBackend(backend);
    const D = 96, vsa = createVsa({ model, dim: D });
    const A = vsa.random('ta', 8), B = vsa.random('tb', 8);
    const ta = tf.tensor2d(A, [8, D]) as Tensor2D, tb = tf.tensor2d(B, [8, D]) as Tensor2D;
    const c = bindTensor(ta, tb, { model }), u = unbindTensor(c, ta, { model });
    const x = await c.data() as Float32Array, xu = await u.data() as Float32Array;
    const y = vsa.bind(A, B), yu = vsa.unbind(y, A);
    // fhrr angles near ±π may wrap to the other end: compare through the model's similarity
    // (mean cos of the angle differences; float32 angle rounding of ~4e-7 rad gives 1 − 1e-12)
    for (let r = 0; r < 8; r++) {
      expect(vsa.similarity(row(x, r, D), row(y, r, D))).toBeGreaterThan(1 - 1e-6);
      expect(vsa.similarity(row(xu, r, D), row(yu, r, D))).toBeGreaterThan(1 - 1e-6);
      expect(vsa.similarity(row(xu, r, D), row(B, r, D))).toBeGreaterThan(1 - 1e-6);
    }
    if (model === 'map') { expect(x).toEqual(y); expect(xu).toEqual(B); } // ±1 products are exact
    tf.dispose([ta, tb, c, u]);
  });

  it('rejects bad shapes and unknown models with HrrError codes', async () => {
    await setBackend(backend);
    const a = tf.zeros([2, 4]) as Tensor2D, b = tf.zeros([3, 4]) as Tensor2D, c = tf.zeros([2, 5]) as Tensor2D;
    expect(() => bindTensor(a, b)).toThrow(HrrError);
    expect(() => bindTensor(a, c)).toThrow(/D=4/);
    try { bindTensor(a, c); } catch (e) { expect((e as HrrError).code).toBe('ERR_SHAPE'); }
    expect(() => unbindTensor(a, a, { model: 'nope' as VsaModel })).toThrow(/model must be/);
    tf.dispose([a, b, c]);
  });
});
