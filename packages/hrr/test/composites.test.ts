import { describe, expect, it } from 'vitest';
import { bundleSequence, createVsa, crossProduct, graph, hashTable, ngrams, ridgeRegression } from '../src/index.js';
import { row } from './helpers.js';

describe('composite operations', () => {
  const D = 2048,
    vsa = createVsa({ model: 'map', dim: D });
  const X = vsa.random(1, 6);
  const x = (i: number) => row(X, i, D);

  it('hash table unbinds each value; cross product holds every pair; graph edges score above 5σ', () => {
    const h = hashTable(vsa, [x(0), x(1), x(2)], [x(3), x(4), x(5)]);
    // unbinding a key gives v + 2 noise terms: cosine ≈ 1/√3 vs 5σ = 5/√D for unrelated vectors
    expect(vsa.similarity(vsa.unbind(h, x(0)), x(3))).toBeGreaterThan(5 / Math.sqrt(D));
    expect(Math.abs(vsa.similarity(vsa.unbind(h, x(0)), x(4)))).toBeLessThan(5 / Math.sqrt(D));
    const c = crossProduct(vsa, [x(0), x(1)], [x(2), x(3)]);
    expect(vsa.similarity(c, vsa.bind(x(1), x(3)))).toBeGreaterThan(5 / Math.sqrt(D));
    const g = graph(vsa, [x(0), x(1)], [x(1), x(2)], { directed: true });
    expect(vsa.similarity(g, vsa.bind(x(0), vsa.permute(x(1), 1)))).toBeGreaterThan(5 / Math.sqrt(D));
    expect(Math.abs(vsa.similarity(g, vsa.bind(x(1), vsa.permute(x(0), 1))))).toBeLessThan(5 / Math.sqrt(D));
  });

  it('bundle sequence and n-grams', () => {
    const s = bundleSequence(vsa, [x(0), x(1), x(2)]);
    expect(vsa.similarity(vsa.permute(s, -2), x(0))).toBeGreaterThan(5 / Math.sqrt(D));
    // ngrams of n = 1 equals the plain bundle
    expect(Array.from(ngrams(vsa, [x(0), x(1)], 1))).toEqual(Array.from(vsa.bundle([x(0), x(1)])));
    const tri = ngrams(vsa, [x(0), x(1), x(2), x(3)], 3);
    const g0 = vsa.bind(vsa.bind(vsa.permute(x(0), 2), vsa.permute(x(1), 1)), x(2));
    expect(vsa.similarity(tri, g0)).toBeGreaterThan(5 / Math.sqrt(D));
  });

  it('ridge regression solves a noiseless linear system (float64 Gauss–Jordan, α → 0)', () => {
    // y = 2x₀ − x₁ on 5 samples; with α = 1e-9 the estimate is within 1e-6 of the truth
    const xs = [1, 0, 0, 1, 1, 1, 2, 1, 3, 5],
      ys = xs.reduce<number[]>((acc, _, i) => (i % 2 === 0 ? [...acc, 2 * xs[i] - xs[i + 1]] : acc), []);
    const w = ridgeRegression(xs, ys, 5, 1e-9);
    expect(Math.abs(w[0] - 2)).toBeLessThan(1e-6);
    expect(Math.abs(w[1] + 1)).toBeLessThan(1e-6);
  });
});
