/** spectralNormalize and the kernel's power iteration against numpy.linalg.svd (fixtures/singular-values.json). */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { spectralNormalize, EqPropError } from '../src/index.js';
import { powerIteration } from '../src/power-iteration.js';

interface Mat {
  rows: number;
  cols: number;
  data: number[];
  singularValues: number[];
}
const { matrices } = JSON.parse(readFileSync(new URL('./fixtures/singular-values.json', import.meta.url), 'utf8')) as { matrices: Mat[] };

beforeAll(async () => {
  await setBackend('cpu');
});

describe('spectralNormalize', () => {
  it('σ converges to the exact top singular value at the rate (σ₂/σ₁)^(2k)', async () => {
    for (const m of matrices) {
      const w = tf.tensor2d(m.data, [m.rows, m.cols]);
      const [s1, s2] = m.singularValues;
      const { weight, u, sigma } = await spectralNormalize(w, { iters: 200, seed: 1 });
      // after 220 iterations the power-iteration error (σ₂/σ₁)^440 is far below float32 rounding
      // of the products (≈ 1e-6 relative for these sizes), so 1e-5 relative is a float32 bound.
      expect(Math.abs(sigma - s1) / s1).toBeLessThan(1e-5);
      // the normalised weight has spectral norm 1 (= bound)
      const again = await spectralNormalize(weight, { iters: 200, seed: 2 });
      expect(Math.abs(again.sigma - 1)).toBeLessThan(1e-5);
      expect(s2).toBeLessThan(s1);
      tf.dispose([w, weight, u, again.weight, again.u]);
    }
  });

  it('a persistent u tracks σ with one iteration per call (monotone from below)', async () => {
    const m = matrices[0];
    const w = tf.tensor2d(m.data, [m.rows, m.cols]);
    let r = await spectralNormalize(w, { iters: 1, warmup: 0, seed: 3 });
    const sigmas = [r.sigma];
    for (let i = 0; i < 60; i++) {
      const next = await spectralNormalize(w, { iters: 1, u: r.u });
      tf.dispose([r.weight, r.u]);
      r = next;
      sigmas.push(r.sigma);
    }
    const s1 = m.singularValues[0];
    // σ = ‖W v‖ with unit v never exceeds σ₁ (float32 rounding: 1e-5 relative) and increases with k
    for (const s of sigmas) expect(s).toBeLessThanOrEqual(s1 * (1 + 1e-5));
    expect(sigmas[sigmas.length - 1]).toBeGreaterThan(sigmas[0]);
    expect(Math.abs(sigmas[sigmas.length - 1] - s1) / s1).toBeLessThan(1e-3);
    tf.dispose([w, r.weight, r.u]);
  });

  it('the kernel’s float64 power iteration reaches σ₁ (1e-9 relative after 500 iterations)', () => {
    for (const m of matrices) {
      const u = new Float64Array(m.rows);
      const s = powerIteration(Float32Array.from(m.data), m.rows, m.cols, u, 500);
      // (σ₂/σ₁)^1000 < 1e-9 for these matrices (their gaps are ≥ 2%), float64 rounding ~1e-14
      expect(Math.abs(s - m.singularValues[0]) / m.singularValues[0]).toBeLessThan(1e-9);
    }
  });

  it('rejects a non-matrix and a u of the wrong size', async () => {
    const w = tf.zeros([3, 4]) as tf.Tensor2D;
    const bad = tf.zeros([5]) as tf.Tensor1D;
    await expect(spectralNormalize(tf.zeros([3]) as unknown as tf.Tensor2D)).rejects.toThrow(EqPropError);
    await expect(spectralNormalize(w, { u: bad })).rejects.toThrow(/u must have shape \[3\]/);
    tf.dispose([w, bad]);
  });
});
