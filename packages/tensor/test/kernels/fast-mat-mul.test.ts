import { describe, expect, it } from 'vitest';
import { tf, expectNoLeaks, setBackend } from '../../src/index.js';
import { relMaxDiff, runOn, testValues } from './backend-compare.js';

// The stock tfjs-backend-wasm 4.22 kernel sends transposed / batched products to
// a scalar loop which also mis-adds the bias and clamps partial sums of
// _FusedMatMul (errors ~1 for k = 64). The wrapped kernel must match cpu.
const cases: Array<{ name: string; fn: () => tf.Tensor[] }> = [
  {
    name: 'fused matMul + bias + relu, transposeB, k = 64',
    fn: () => {
      const a = tf.tensor2d(testValues(5 * 64, 1), [5, 64]);
      const b = tf.tensor2d(testValues(6 * 64, 2), [6, 64]);
      const bias = tf.tensor1d(testValues(6, 3));
      return [tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'relu' })];
    },
  },
  {
    name: 'matMul transposeA and transposeB, 96 x 80 x 72',
    fn: () => [tf.matMul(tf.tensor2d(testValues(80 * 96, 4), [80, 96]), tf.tensor2d(testValues(72 * 80, 5), [72, 80]), true, true)],
  },
  {
    name: 'batched matMul [4, 33, 40] x [4, 40, 17] and batch x single [3, 20, 64] x [64, 30]',
    fn: () => [
      tf.matMul(tf.tensor3d(testValues(4 * 33 * 40, 6), [4, 33, 40]), tf.tensor3d(testValues(4 * 40 * 17, 7), [4, 40, 17])),
      tf.matMul(tf.tensor3d(testValues(3 * 20 * 64, 8), [3, 20, 64]), tf.tensor3d(testValues(64 * 30, 9), [1, 64, 30])),
    ],
  },
];

describe('wasm matMul fast path', () => {
  for (const c of cases) {
    it(`${c.name}: wasm matches cpu`, async () => {
      const ref = await runOn('cpu', c.fn);
      const got = await runOn('wasm', c.fn);
      expect(got.shapes).toEqual(ref.shapes);
      for (let i = 0; i < ref.values.length; i++) expect(relMaxDiff(got.values[i], ref.values[i])).toBeLessThan(1e-5);
    });
  }

  it('does not leak wasm tensors', async () => {
    await setBackend('wasm');
    const a = tf.tensor3d(testValues(2 * 40 * 50, 10), [2, 40, 50]);
    const b = tf.tensor2d(testValues(60 * 50, 11), [60, 50]);
    await expectNoLeaks(() => tf.tidy(() => tf.matMul(a, tf.expandDims(b, 0), false, true)).dispose(), { iterations: 200 });
    tf.dispose([a, b]);
  });
});
