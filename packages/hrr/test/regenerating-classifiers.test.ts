import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, toRng } from '@neurite/tensor';
import { DistHDClassifier, NeuralHDClassifier, SinusoidEmbedding } from '../src/index.js';

beforeAll(async () => {
  await setBackend('wasm');
});

/** Four unit-norm cluster centres in ℝ^16 (random directions) with N(0, 0.05²) noise per feature: nearly separable. */
function clusters(n: number, seed: number) {
  const F = 16,
    rng = toRng('centres'),
    noise = toRng(seed);
  const c = Float32Array.from({ length: 4 * F }, () => rng.normal() / 4);
  const x = new Float32Array(n * F),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 4;
    for (let f = 0; f < F; f++) x[i * F + f] = c[y[i] * F + f] + 0.05 * noise.normal();
  }
  return { x, y, F };
}

describe('NeuralHD and DistHD', () => {
  it.each([
    ['NeuralHD', NeuralHDClassifier],
    ['DistHD', DistHDClassifier],
  ] as const)('%s regenerates dimensions and classifies held-out samples (≥ 95 percent)', async (_n, Cls) => {
    const tr = clusters(200, 1),
      te = clusters(100, 2);
    const m = new Cls(new SinusoidEmbedding(tr.F, 256, 5), 4);
    const regen = await m.fitRaw(tr.x, tr.y, { epochs: 6, regenEvery: 2, regenRate: 0.05 });
    // regenerations after epochs 2 and 4 (not in the last regenEvery epochs), 13 dimensions each
    expect(regen).toBe(2 * 13);
    const p = await m.predictRaw(te.x);
    expect(p.filter((v, i) => v === te.y[i]).length / p.length).toBeGreaterThanOrEqual(0.95);
  });
});
