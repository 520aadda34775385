import { describe, expect, it } from 'vitest';
import { createVsa } from '../src/index.js';
import { meanVar, row } from './helpers.js';

describe('BSC (binary spatter codes)', () => {
  it('Hamming distance of random pairs is Binomial(D, ½); XOR binding preserves distances', () => {
    const D = 1000,
      N = 800,
      vsa = createVsa({ model: 'bsc', dim: D });
    const A = vsa.random(1, N),
      B = vsa.random(2, N),
      K = vsa.random(3);
    const h = (x: Float32Array, y: Float32Array) => x.reduce((s, v, j) => s + (v !== y[j] ? 1 : 0), 0);
    const hs = Array.from({ length: N }, (_, i) => h(row(A, i, D), row(B, i, D)));
    const { mean, variance } = meanVar(hs);
    // Binomial(D, ½): mean D/2, variance D/4; 5σ bounds on the sample mean and variance
    expect(Math.abs(mean - D / 2)).toBeLessThan(5 * Math.sqrt(D / 4 / N));
    expect(Math.abs(variance / (D / 4) - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    // XOR with a common key is an isometry of the Hamming metric: exactly
    for (let i = 0; i < 20; i++) expect(h(vsa.bind(row(A, i, D), K), vsa.bind(row(B, i, D), K))).toBe(hs[i]);
    expect(Array.from(vsa.bind(K, K))).toEqual(new Array(D).fill(0));
  });

  it('majority of 3: each member agrees on a bit with probability ¾, similarity ½ (5σ)', () => {
    const D = 4000,
      vsa = createVsa({ model: 'bsc', dim: D });
    const [a, b, c] = [vsa.random(4), vsa.random(5), vsa.random(6)];
    const s = vsa.bundle([a, b, c]);
    // similarity 1 − 2h/D with h ~ Binomial(D, ¼): mean ½, σ = 2·√(D·3/16)/D
    const sigma = (2 * Math.sqrt((D * 3) / 16)) / D;
    for (const m of [a, b, c]) expect(Math.abs(vsa.similarity(s, m) - 0.5)).toBeLessThan(5 * sigma);
    expect(s.every((x) => x === 0 || x === 1)).toBe(true);
  });
});
