import { describe, expect, it } from 'vitest';
import { circularBasis, createVsa, levelBasis, thermometerBasis } from '../src/index.js';
import { row } from './helpers.js';

describe('basis sets', () => {
  it.each(['map', 'bsc', 'hrr', 'fhrr'] as const)('%s: level similarity falls linearly with level distance (5σ)', (model) => {
    const D = 4000,
      L = 9,
      vsa = createVsa({ model, dim: D });
    const B = levelBasis(vsa, L, 1);
    for (const k of [0, 2, 4, 8]) {
      // share fraction f = 1 − k/(L−1) of elements (a binomial over D thresholds: σ_f = √(f(1−f)/D));
      // unshared random pairs add noise of σ ≤ 1/√D; similarity ≈ f for these models (s₀ = 0)
      const f = 1 - k / (L - 1);
      const s = vsa.similarity(row(B, 0, D), row(B, k, D));
      expect(Math.abs(s - f)).toBeLessThan(5 * (Math.sqrt((f * (1 - f)) / D) + 1 / Math.sqrt(D)));
    }
  });

  it('thermometer (map) fills +1 from the left, level 0 = −1…, last = +1…', () => {
    const D = 100,
      vsa = createVsa({ model: 'map', dim: D });
    const T = thermometerBasis(vsa, 5, 0);
    expect(Array.from(row(T, 0, D))).toEqual(new Array(D).fill(-1));
    expect(Array.from(row(T, 4, D))).toEqual(new Array(D).fill(1));
    const mid = row(T, 2, D);
    expect(mid.slice(0, 50).every((x) => x === 1) && mid.slice(50).every((x) => x === -1)).toBe(true);
  });

  it('circular: similarity = 1 − 2·(circular distance) (5σ), opposite levels unrelated', () => {
    const D = 4000,
      L = 8,
      vsa = createVsa({ model: 'map', dim: D });
    const C = circularBasis(vsa, L, 2);
    for (const k of [1, 2, 4, 6, 7]) {
      const dc = Math.min(k, L - k) / L,
        f = 1 - 2 * dc;
      const s = vsa.similarity(row(C, 0, D), row(C, k, D));
      expect(Math.abs(s - f)).toBeLessThan(5 * (Math.sqrt((((1 + f) / 2) * ((1 - f) / 2)) / D) * 2 + 1 / Math.sqrt(D)));
    }
  });
});
