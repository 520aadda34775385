import { describe, expect, it } from 'vitest';
import { tf, expectNoLeaks, setBackend } from '../../src/index.js';
import { runOn, testValues, worstOfTwoSumsBound } from './backend-compare.js';

// The stock tfjs-backend-wasm 4.22 kernel sends transposed / batched products to
// a scalar loop which also mis-adds the bias and clamps partial sums of
// _FusedMatMul (errors ~1 for k = 64). The wrapped kernel must match cpu.
// Each case builds its operands through `t`, which is tf.abs for the run that gives sum |terms| (matMul is
// bilinear; the bias enters as one more term and relu(s) of a sum s of non-negative terms is s); k is the
// inner dimension plus one for the bias. The tolerance is worstOfTwoSumsBound's float32 bound.
type Op = (t: tf.Tensor) => tf.Tensor;
const cases: Array<{ name: string; k: number; fn: (t: Op) => tf.Tensor[] }> = [
  {
    name: 'fused matMul + bias + relu, transposeB, k = 64',
    k: 65,
    fn: (t) => {
      const a = t(tf.tensor2d(testValues(5 * 64, 1), [5, 64])) as tf.Tensor2D;
      const b = t(tf.tensor2d(testValues(6 * 64, 2), [6, 64])) as tf.Tensor2D;
      const bias = t(tf.tensor1d(testValues(6, 3)));
      return [tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'relu' })];
    },
  },
  {
    name: 'matMul transposeA and transposeB, 96 x 80 x 72',
    k: 80,
    fn: (t) => [
      tf.matMul(
        t(tf.tensor2d(testValues(80 * 96, 4), [80, 96])) as tf.Tensor2D,
        t(tf.tensor2d(testValues(72 * 80, 5), [72, 80])) as tf.Tensor2D,
        true,
        true,
      ),
    ],
  },
  {
    name: 'batched matMul [4, 33, 40] x [4, 40, 17] and batch x single [3, 20, 64] x [64, 30]',
    k: 64,
    fn: (t) => [
      tf.matMul(t(tf.tensor3d(testValues(4 * 33 * 40, 6), [4, 33, 40])), t(tf.tensor3d(testValues(4 * 40 * 17, 7), [4, 40, 17]))),
      tf.matMul(t(tf.tensor3d(testValues(3 * 20 * 64, 8), [3, 20, 64])), t(tf.tensor3d(testValues(64 * 30, 9), [1, 64, 30]))),
    ],
  },
];

describe('wasm matMul fast path', () => {
  for (const c of cases) {
    it(`${c.name}: wasm matches cpu`, async () => {
      const same: Op = (t) => t;
      const ref = await runOn('cpu', () => c.fn(same));
      const got = await runOn('wasm', () => c.fn(same));
      const absSum = await runOn('cpu', () => c.fn(tf.abs));
      expect(got.shapes).toEqual(ref.shapes);
      for (let i = 0; i < ref.values.length; i++)
        expect(worstOfTwoSumsBound(got.values[i], ref.values[i], absSum.values[i], c.k)).toBeLessThanOrEqual(1);
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
