/**
 * Hypergeometric(good, bad, sample) variates: the number of good items among
 * `sample` items drawn without replacement from good + bad items,
 *   P(X = x) = C(good, x)·C(bad, sample − x) / C(good + bad, sample),
 *   max(0, sample − bad) <= x <= min(sample, good),
 * mean sample·good/N, variance sample·(good/N)·(bad/N)·(N − sample)/(N − 1), N = good + bad.
 *
 * numpy's algorithm (random_hypergeometric in numpy/random/src/distributions/
 * random_hypergeometric.c, numpy >= 1.18):
 * - 10 <= sample <= N − 10: HRUA, the ratio-of-uniforms method of Stadlober
 *   ("The ratio of uniforms approach for generating discrete random variates",
 *   J. Comput. Appl. Math. 31, 1990), with a "table mountain" hat of width
 *   h = 2·sqrt(2/e)·c + 3 − 2·sqrt(3/e), c = sqrt(variance + 1/2), centred at the
 *   mean + 1/2, the mode m = floor((n + 1)(M + 1)/(N + 2)) as reference point
 *   (M = min(good, bad), n = min(sample, N − sample)), support cut at 16 c above
 *   the mean, and the acceptance test 2 ln U <= ln f(K)/f(m) with squeezes;
 *   O(1) expected time;
 * - otherwise the draws are simulated one item at a time (at most 10 uniform
 *   integers; for sample > N/2 the items left behind are drawn instead).
 * Both are exact (up to the double-precision evaluation of ln f(K)/f(m)).
 *
 * Differences from numpy, for large populations (numpy's Generator limits good
 * and bad to < 10^9): ln f(K)/f(m) is summed as four differences
 * ln(a!/b!) each evaluated without cancellation (`logFactorialRatio`) instead of
 * a difference of two sums of four ln k! of size ~N ln N, and the mode is
 * computed with BigInt when (n + 1)(M + 1) exceeds 2^53; so any
 * good + bad <= 2^53 − 1 is sampled exactly. Only det-math (no Math.log).
 */
import type { Rng } from './rng.js';
import { detLog } from './det-math.js';
import { logFactorialRatio } from './log-factorial-ratio.js';

/** 2·sqrt(2/e) and 3 − 2·sqrt(3/e) (Stadlober's constants, as numpy's D1, D2). */
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;
const TWO53 = 9007199254740992;

/** Arguments already checked: integers good, bad, sample >= 0, sample <= good + bad <= 2^53 − 1. */
export function hypergeometricOf(g: Rng, good: number, bad: number, sample: number): number {
  const total = good + bad;
  if (sample === 0 || good === 0) return 0;
  if (bad === 0) return sample;
  if (sample === total) return good;
  if (sample >= 10 && sample <= total - 10) return hrua(g, good, bad, sample);
  return bySimulation(g, good, bad, sample);
}

/** numpy's hypergeometric_sample: item-by-item draws (sample or N − sample of them, whichever is smaller). */
function bySimulation(g: Rng, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const complement = sample > total / 2;
  let s = complement ? total - sample : sample;
  let remTotal = total,
    remGood = good;
  while (s > 0 && remGood > 0 && remTotal > remGood) {
    // one of the remTotal remaining items, uniformly: good with probability remGood/remTotal
    if (g.uniformInt(remTotal) < remGood) remGood--;
    remTotal--;
    s--;
  }
  if (remTotal === remGood) remGood -= s; // only good items are left
  return complement ? remGood : good - remGood;
}

/** floor((n + 1)(M + 1)/(N + 2)), exact also when the product exceeds 2^53. */
function modeOf(n: number, minGB: number, total: number): number {
  const prod = (n + 1) * (minGB + 1);
  if (prod < TWO53) return Math.floor(prod / (total + 2));
  return Number((BigInt(n + 1) * BigInt(minGB + 1)) / BigInt(total + 2));
}

/** numpy's hypergeometric_hrua. */
function hrua(g: Rng, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const n = Math.min(sample, total - sample);
  const minGB = Math.min(good, bad),
    maxGB = Math.max(good, bad);
  const p = minGB / total,
    q = maxGB / total;
  const a = n * p + 0.5;
  const variance = ((total - n) * n * p * q) / (total - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const m = modeOf(n, minGB, total);
  // upper bound of K: the end of the support, or 16 standard deviations above the mean
  const b = Math.min(Math.min(n, minGB) + 1, Math.floor(a + 16 * c));
  let K: number;
  for (;;) {
    const U = g.uniform(),
      V = g.uniform();
    if (U === 0) continue; // X would be ±Infinity or NaN
    const X = a + (h * (V - 0.5)) / U;
    if (X < 0 || X >= b) continue;
    K = Math.floor(X);
    // T = ln f(K)/f(m) = ln m!/K! + ln (M−m)!/(M−K)! + ln (n−m)!/(n−K)! + ln (N−M−n+m)!/(N−M−n+K)!
    const T =
      logFactorialRatio(m, K) +
      logFactorialRatio(minGB - m, minGB - K) +
      logFactorialRatio(n - m, n - K) +
      logFactorialRatio(maxGB - n + m, maxGB - n + K);
    if (U * (4 - U) - 3 <= T) break; // fast acceptance
    if (U * (U - T) >= 1) continue; // fast rejection
    if (2 * detLog(U) <= T) break;
  }
  if (good > bad) K = n - K; // K counted the bad items
  if (n < sample) K = good - K; // K counted the items not drawn
  return K;
}
