import { describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { bindTensor, createVsa, unbindTensor, type VsaModel } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

const CASES: Array<{ model: VsaModel; dim: number; blockSize?: number; levels?: number }> = [
  { model: 'bsc', dim: 96 },
  { model: 'bsbc', dim: 96, blockSize: 8 },
  { model: 'cgr', dim: 96, levels: 5 },
  { model: 'mcr', dim: 96, levels: 7 },
  { model: 'vtb', dim: 100 },
  { model: 'tvtb', dim: 100 },
  { model: 'ghrr', dim: 96, blockSize: 2 },
];

describe('bindTensor / unbindTensor for the other models agree with the typed-array models on cpu and wasm', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it.each(CASES)(`${backend}: %o`, async (c) => {
      await setBackend(backend);
      const vsa = createVsa(c);
      const n = 3,
        a = vsa.random('a', n),
        b = vsa.random('b', 1);
      const before = tf.memory().numTensors;
      const ta = tf.tensor2d(a, [n, c.dim]),
        tb = tf.tensor2d(b, [1, c.dim]);
      const tc = bindTensor(ta, tb, c),
        tu = unbindTensor(tc, ta, c);
      const got = (await tc.data()) as Float32Array,
        back = (await tu.data()) as Float32Array;
      tf.dispose([ta, tb, tc, tu]);
      expect(tf.memory().numTensors).toBe(before);
      const want = vsa.bind(a, b);
      // float32 tensor arithmetic vs float64-then-rounded typed arrays: d-term sums of products ≤ 1 in
      // magnitude (vtb: d = 10; ghrr: m = 2), so ≤ 10·2u·‖·‖ ≈ 2e-6 → bound 1e-5; integer models exact
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-5);
      expect(maxAbsDiff(back, vsa.unbind(want, a))).toBeLessThan(1e-5);
    });
  }
});
