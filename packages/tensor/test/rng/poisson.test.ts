import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, chiSquareDiscrete, mean, poissonPmf, variance } from './stats.js';

function draw(seed: number | string, lambda: number, count: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count }, () => rng.poisson(lambda));
}

describe('poisson', () => {
  // multiplication for lambda < 10, PTRS for lambda >= 10
  for (const lambda of [0.05, 0.7, 4.5, 9.99, 10, 35.5, 1000, 1e6]) {
    it(`lambda = ${lambda}: chi-square against the exact pmf`, () => {
      const xs = draw(`poisson ${lambda}`, lambda, 200_000);
      const { k0, pmf } = poissonPmf(lambda);
      const r = chiSquareDiscrete(xs, k0, pmf);
      expect(r.p, `chi2 = ${r.stat.toFixed(1)}, df = ${r.df}`).toBeGreaterThan(ALPHA);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    });
  }

  it('mean and variance lambda within 5 standard errors (lambda = 3 and 1e4)', () => {
    for (const lambda of [3, 1e4]) {
      const count = 200_000;
      const xs = draw(9, lambda, count);
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(5 * Math.sqrt(lambda / count));
      // μ4 = λ(1 + 3λ): Var(s²) ≈ (μ4 - λ²)/count
      expect(Math.abs(variance(xs) - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / count));
    }
  });

  it('lambda = 0 gives 0; bad lambda throws a TensorError naming lambda', () => {
    const rng = createRng(1);
    expect(rng.poisson(0)).toBe(0);
    for (const bad of [-1, NaN, Infinity]) {
      try {
        rng.poisson(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TensorError);
        expect((e as TensorError).argument).toBe('lambda');
      }
    }
  });
});
