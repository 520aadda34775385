import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, ksTest, mean, variance } from './stats.js';

describe('exponential', () => {
  it('KS against 1 - e^{-rate x}; mean 1/rate and variance 1/rate² within 5 standard errors', () => {
    for (const rate of [1, 0.25, 40]) {
      const rng = createRng(`exp ${rate}`);
      const n = 200_000;
      const xs = Float64Array.from({ length: n }, () => rng.exponential(rate));
      expect(xs.every((x) => x >= 0 && Number.isFinite(x) && !Object.is(x, -0))).toBe(true);
      expect(ksTest(xs, (x) => -Math.expm1(-rate * x)).p).toBeGreaterThan(ALPHA);
      expect(Math.abs(mean(xs) - 1 / rate)).toBeLessThan(5 / rate / Math.sqrt(n));
      // Var(s²) ≈ (μ4 - σ⁴)/n = (9 - 1)/rate⁴/n
      expect(Math.abs(variance(xs) - 1 / rate ** 2)).toBeLessThan((5 * Math.sqrt(8 / n)) / rate ** 2);
    }
  });

  it('defaults to rate 1 and rejects rate <= 0', () => {
    const a = createRng(1),
      b = createRng(1);
    expect(a.exponential()).toBe(b.exponential(1));
    expect(() => a.exponential(0)).toThrow(TensorError);
    expect(() => a.exponential(-1)).toThrow(/rate/);
  });
});
