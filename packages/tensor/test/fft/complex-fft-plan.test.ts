import { describe, it, expect } from 'vitest';
import { complexFftPlan, TensorError } from '../../src/index.js';
import { testSignal, directDft, maxAbsDiff, dftBound, roundTripBound } from './direct-dft.js';

// Tolerances: dftBound / roundTripBound in direct-dft.ts (Higham's FFT and inner-product error bounds).

// 1 (identity), powers of two (fft.js), smooth lengths (mixed radix with radix
// 2, 3, 4, 5 and generic odd 7..31), primes > 31 and n with a large prime factor (Bluestein).
const LENGTHS = [
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  10,
  11,
  13,
  20,
  23,
  29,
  31,
  37,
  45,
  60,
  97,
  125,
  210,
  243,
  256,
  360,
  500,
  1000,
  1009,
  3 * 331,
  4096,
  5000,
  10000,
];

describe('complexFftPlan', () => {
  it.each(LENGTHS)('forward and inverse match the direct DFT, n = %i', (n) => {
    const x = testSignal(2 * n, n + 11);
    const plan = complexFftPlan(n);
    expect(plan.n).toBe(n);
    const X = plan.forward(x);
    const ref = directDft(x, n, -1);
    expect(maxAbsDiff(X, ref)).toBeLessThanOrEqual(dftBound(x, n));
    const xi = plan.inverse(x);
    const refInv = directDft(x, n, 1, 1 / n);
    expect(maxAbsDiff(xi, refInv)).toBeLessThanOrEqual(dftBound(x, n, 1 / n));
    expect(maxAbsDiff(plan.inverse(X), x)).toBeLessThanOrEqual(roundTripBound(x, n));
  });

  it('works in place (out === x)', () => {
    for (const n of [16, 15, 1009]) {
      const x = testSignal(2 * n, 3);
      const ref = directDft(x, n);
      const buf = Float64Array.from(x);
      complexFftPlan(n).forward(buf, buf);
      expect(maxAbsDiff(buf, ref)).toBeLessThanOrEqual(dftBound(x, n));
      complexFftPlan(n).inverse(buf, buf);
      expect(maxAbsDiff(buf, x)).toBeLessThanOrEqual(roundTripBound(x, n));
    }
  });

  it('rejects bad lengths and short buffers with a TensorError', () => {
    for (const n of [0, -3, 1.5, NaN]) expect(() => complexFftPlan(n)).toThrow(TensorError);
    expect(() => complexFftPlan(4).forward(new Float64Array(7))).toThrow(TensorError);
    expect(() => complexFftPlan(4).inverse(new Float64Array(8), new Float64Array(4))).toThrow(TensorError);
  });
});
