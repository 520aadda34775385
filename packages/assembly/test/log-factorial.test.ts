import { describe, it, expect } from 'vitest';
import { logFactorial } from '../src/log-factorial.js';

describe('logFactorial', () => {
  it('matches Σ ln i (table below 128, Stirling above) to 1e-12 relative', () => {
    let sum = 0;
    for (let k = 0; k <= 20000; k++) {
      if (k > 1) sum += Math.log(k);
      // Σ ln i accumulates ≈ k ulp of rounding: 1e-12 relative holds to k = 20000
      expect(Math.abs(logFactorial(k) - sum), `k = ${k}`).toBeLessThanOrEqual(1e-12 * Math.max(1, sum));
    }
  });

  it('satisfies ln (k+1)! − ln k! = ln(k+1) for large k', () => {
    for (const k of [1e6, 1e9, 2 ** 40]) {
      // the difference of two values ≈ k ln k loses ≈ ulp(k ln k) ≈ 2^-52·k ln k of absolute accuracy
      const tol = 4 * Number.EPSILON * k * Math.log(k);
      expect(Math.abs(logFactorial(k + 1) - logFactorial(k) - Math.log(k + 1))).toBeLessThan(tol);
    }
  });
});
