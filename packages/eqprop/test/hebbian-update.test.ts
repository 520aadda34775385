import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf, expectNoLeaks } from '@neurite/tensor';
import { hebbianUpdate, EqPropError } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

describe('hebbianUpdate', () => {
  it('ΔW_l = (1/βB)(s_l^βᵀ s_{l+1}^β − s_l^0ᵀ s_{l+1}^0), Δb_l = (1/βB) Σ_b (s^β − s^0), by direct sums', async () => {
    const sizes = [4, 3, 2];
    const B = 5;
    const beta = 0.3;
    const mk = (seed: number) =>
      sizes.map((n, l) =>
        Array.from({ length: B }, (_, b) => Array.from({ length: n }, (_, j) => Math.abs(Math.sin(seed + 7 * l + 3 * b + j)))),
      );
    const f = mk(1);
    const g = mk(2);
    g[0] = f[0]; // the input is the same in both phases
    const ft = f.map((s) => tf.tensor2d(s));
    const gt = g.map((s) => tf.tensor2d(s));
    const d = hebbianUpdate(ft, gt, beta);
    for (let l = 0; l < 2; l++) {
      const w = await d.weights[l].data();
      for (let i = 0; i < sizes[l]; i++) {
        for (let j = 0; j < sizes[l + 1]; j++) {
          let want = 0;
          for (let b = 0; b < B; b++) want += g[l][b][i] * g[l + 1][b][j] - f[l][b][i] * f[l + 1][b][j];
          want /= beta * B;
          // float32 products of 5 terms ≤ 1, divided by 1.5: 1e-6
          expect(Math.abs(w[i * sizes[l + 1] + j] - want)).toBeLessThan(1e-6);
        }
      }
      const bb = await d.biases[l].data();
      for (let j = 0; j < sizes[l + 1]; j++) {
        let want = 0;
        for (let b = 0; b < B; b++) want += g[l + 1][b][j] - f[l + 1][b][j];
        expect(Math.abs(bb[j] - want / (beta * B))).toBeLessThan(1e-6);
      }
    }
    tf.dispose([...ft, ...gt, ...d.weights, ...d.biases]);
    await expectNoLeaks(() => {
      const a = [tf.ones([2, 3]), tf.ones([2, 2])] as tf.Tensor2D[];
      const r = hebbianUpdate(a, a, 1);
      tf.dispose([...a, ...r.weights, ...r.biases]);
    });
    expect(() => hebbianUpdate([], [], 0)).toThrow(EqPropError);
  });
});
