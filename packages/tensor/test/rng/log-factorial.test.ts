import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../src/rng/log-factorial.js';

/** gamma_k = k u / (1 - k u), float64 u = 2^-53 (Higham, Accuracy and Stability, 2nd ed., Lemma 3.1). */
const gamma = (k: number) => (k * 2 ** -53) / (1 - k * 2 ** -53);
const ULP1 = 2 ** -52; // one unit in the last place at 1; ulp(y) <= ULP1 |y|

describe('logFactorial', () => {
  it('equals ln k! from exact integer products (k <= 20) and from summed logs (k up to 2e5)', () => {
    let f = 1n;
    for (let k = 0; k <= 20; k++) {
      if (k > 0) f *= BigInt(k);
      // table: a float64 sum of k logs (each detLog within 1 ulp): gamma_k ln k! + k ulp(ln k); reference:
      // Number(k!) rounds by 2^-53 relative (2^-53 absolute in the log) and Math.log adds 1 ulp.
      const ref = Math.log(Number(f));
      expect(Math.abs(logFactorial(k) - ref)).toBeLessThanOrEqual(
        gamma(k) * ref + k * ULP1 * Math.log(Math.max(k, 2)) + 2 ** -53 + ULP1 * ref,
      );
    }
    let s = 0;
    for (let k = 1; k <= 200_000; k++) {
      s += Math.log(k);
      // reference s: a float64 sum of k logs, within gamma_k s + k ulp(ln k) of ln k!; Stirling's series (truncation
      // < 1e-24, see log-factorial.ts) evaluated in about 12 roundings of terms of size <= s + 2 (k + 1).
      if ([255, 256, 257, 1000, 12345, 200_000].includes(k)) {
        const bound = gamma(k) * s + k * ULP1 * Math.log(k) + gamma(12) * (s + 2 * (k + 1)) + 1e-24;
        expect(Math.abs(logFactorial(k) - s)).toBeLessThanOrEqual(bound);
      }
    }
  });
});
