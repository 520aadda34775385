/*
 * ln k! for integers k >= 0: a table of cumulative sums of ln i for k < 256,
 * Stirling's series beyond (x = k + 1):
 * ln Γ(x) = (x - 1/2) ln x - x + ln(2π)/2 + 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷),
 * whose truncation error is < 1/(1188 x⁹) < 1e-24 for x >= 256.
 */
import { detLog } from './det-math.js';

const TABLE = new Float64Array(256);
for (let k = 2; k < 256; k++) TABLE[k] = TABLE[k - 1] + detLog(k);
const HALF_LOG_2PI = 0.9189385332046728;

/**
 * ln k! for an integer k ≥ 0, the same bits on every engine (built on detLog):
 * a table of cumulative sums of ln i for k < 256, Stirling's series beyond
 * (x = k + 1): ln Γ(x) = (x − 1/2) ln x − x + ln(2π)/2 + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷),
 * whose truncation error is < 1/(1188 x⁹) < 1e-24 for x ≥ 256.
 * @example
 * ```ts
 * import { logFactorial } from '@neurite/tensor';
 * logFactorial(5); // ln 120 ≈ 4.787
 * ```
 */
export function logFactorial(k: number): number {
  if (k < 256) return TABLE[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * detLog(x) - x + HALF_LOG_2PI + (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}
