import { describe, expect, it } from 'vitest';
import { logFactorialRatio } from '../../src/rng/log-factorial-ratio.js';
import { logGamma } from './stats.js';

/** ln k! from the test's own ln Γ (stats.ts: recurrence + Stirling, written from the textbook formula). */
const lnFact = (k: number): number => (k < 2 ? 0 : logGamma(k + 1));

describe('logFactorialRatio', () => {
  it('agrees with the difference of ln k! where that difference is accurate', () => {
    // k < 1e4: both terms ~ 1e5, a difference of two Math-based ln Γ accurate to ~1e-9 absolute
    for (const [a, b] of [
      [300, 257],
      [9000, 8000],
      [5000, 9999],
      [256, 255],
      [1000, 3],
    ]) {
      expect(logFactorialRatio(a, b)).toBeCloseTo(lnFact(a) - lnFact(b), 8);
    }
    // large a with small a − b: ln(a!/b!) = Σ ln i over (b, a], summed directly (each term exact to 1 ulp)
    const b = 1e15,
      d = 5;
    let s = 0;
    for (let i = b + 1; i <= b + d; i++) s += Math.log(i);
    expect(Math.abs(logFactorialRatio(b + d, b) - s)).toBeLessThan(1e-12 * s);
    expect(logFactorialRatio(b, b + d)).toBe(-logFactorialRatio(b + d, b));
  });

  it('keeps ~1e-13 relative accuracy for a ≈ 1e9, a − b = 1e6 (where ln a! − ln b! loses ~5 digits)', () => {
    // reference: Σ ln i over (b, a] with Neumaier's compensated summation (error ~ a few ulp of the sum)
    const a = 1e9,
      b = a - 1e6;
    let s = 0,
      c = 0;
    for (let i = b + 1; i <= a; i++) {
      const v = Math.log(i),
        t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
    const ref = s + c;
    expect(Math.abs(logFactorialRatio(a, b) - ref)).toBeLessThan(1e-13 * ref);
    expect(logFactorialRatio(0, 0)).toBe(0);
    expect(logFactorialRatio(5, 0)).toBeCloseTo(Math.log(120), 14);
  });
});
