import { detLog, detLog1p } from './det-math.js';
import { logFactorial } from './log-factorial.js';

/**
 * ln(a!/b!) for integers a, b >= 0, with an absolute error of a few ulp of
 * |a − b|·ln(max(a, b)) rather than of a·ln a: below 256 (or for a small
 * operand) the difference of logFactorial values; otherwise, with x = a + 1,
 * y = b + 1, d = x − y and Stirling's ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + s(x),
 *   ln Γ(x) − ln Γ(y) = (y − ½)·ln(1 + d/y) + d·(ln x − 1) + s(x) − s(y),
 * s(x) = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) (truncation < 1/(1188 x⁹)).
 * Used where log-factorials of huge, nearly equal numbers are subtracted:
 * hypergeometric acceptance tests, binomial log-pmfs ln C(n, v) = ln(n!/(n − v)!) − ln v!.
 * det-math only (same bits on every engine).
 */
export function logFactorialRatio(a: number, b: number): number {
  if (a === b) return 0;
  if (a < 256 || b < 256) return logFactorial(a) - logFactorial(b);
  const x = a + 1,
    y = b + 1,
    d = x - y;
  return (y - 0.5) * detLog1p(d / y) + d * (detLog(x) - 1) + (stirlingTail(x) - stirlingTail(y));
}

function stirlingTail(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}
