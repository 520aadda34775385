import { detExp, detLog, detLog1p, logFactorial, logFactorialRatio, type Rng } from '@neurite/tensor';

/**
 * Binomial tail helpers used by the lazy ("sparse") simulation.
 *
 * A never-fired neuron of a target area receives X ~ Binomial(K, p) synapses
 * from the K neurons firing into the area this round (stimuli + source
 * winners). Only the k largest of the N = n - w such inputs matter for the
 * k-cap, so they are sampled directly from the upper tail instead of drawing
 * N binomials.
 *
 * Determinism: ln and e^x come from @neurite/tensor's detLog/detLog1p/detExp
 * (fdlibm in IEEE + - * / only) and ln k! from its logFactorial/logFactorialRatio, never from
 * Math.log/Math.exp, whose last bit JavaScript engines may round differently;
 * so a seed gives the same quantiles and draws on every engine.
 */

/**
 * ln P(X = v) for X ~ Binomial(n, p), 0 <= v <= n: ln(n!/(n − v)!) − ln v! + v ln p + (n − v) ln(1 − p),
 * the first term without cancellation (logFactorialRatio), so the absolute error stays ~1e-7 at n = 1e9.
 */
export function binomialLogPmf(n: number, p: number, v: number): number {
  if (v < 0 || v > n) return -Infinity;
  if (p >= 1) return v === n ? 0 : -Infinity;
  if (p <= 0) return v === 0 ? 0 : -Infinity;
  return logFactorialRatio(n, n - v) - logFactorial(v) + v * detLog(p) + (n - v) * detLog1p(-p);
}

/**
 * The largest value worth considering for the maximum of `count` iid
 * Binomial(n, p) draws: the smallest v >= mode with count · P(X = v) < e^-45
 * (the tail above it has probability < 1e-19 for the whole sample).
 */
function tailTop(n: number, p: number, count: number): number {
  const logCount = detLog(Math.max(1, count));
  let v = Math.min(n, Math.floor((n + 1) * p));
  if (p >= 1 || p <= 0) return v;
  // ln P(X = v+1) − ln P(X = v) = ln((n − v)/(v + 1) · p/(1 − p)): one log per step, O(σ) steps
  const odds = p / (1 - p);
  let lp = binomialLogPmf(n, p, v);
  while (v < n && lp + logCount > -45) {
    lp += detLog(((n - v) / (v + 1)) * odds);
    v++;
  }
  return v;
}

/**
 * Upper-tail quantile of Binomial(n, p): the smallest x with P(X > x) <= tail,
 * i.e. scipy's `binom.ppf(1 - tail, n, p)`. Computed by summing the pmf from
 * the far tail downwards (no cancellation for small `tail`).
 */
export function binomialUpperQuantile(n: number, p: number, tail: number): number {
  if (tail >= 1) return 0;
  if (p >= 1) return n;
  let x = tailTop(n, p, 1 / Math.max(tail, 1e-300));
  // P(X = x − 1) = P(X = x) · x/(n − x + 1) · (1 − p)/p: the walk down multiplies (relative error ≈ steps · 2^-53)
  const inv = (1 - p) / p;
  let pmf = detExp(binomialLogPmf(n, p, x));
  let above = 0; // P(X > x)
  while (x > 0) {
    const next = above + pmf; // P(X > x - 1)
    if (next > tail) break;
    above = next;
    pmf *= (x / (n - x + 1)) * inv;
    x--;
  }
  return x;
}

/**
 * Reference sampler (brain.py / the C++ port): the k candidate inputs are k iid
 * draws of N(μ, σ²) truncated to [α, K], rounded, where μ = Kp, σ² = Kp(1-p)
 * and α = binom.ppf((N - k)/N, K, p). Writes k values into `out`.
 */
export function sampleTailReference(rng: Rng, K: number, p: number, N: number, k: number, out: Float64Array): void {
  const alpha = binomialUpperQuantile(K, p, k / N);
  const mu = K * p;
  const sigma = Math.sqrt(K * p * (1 - p));
  if (!(sigma > 0) || alpha >= K) {
    out.fill(Math.min(K, Math.max(alpha, Math.round(mu))), 0, k);
    return;
  }
  for (let i = 0; i < k; i++) {
    const x = Math.round(rng.truncatedNormal(alpha, K, mu, sigma));
    out[i] = x > K ? K : x < alpha ? alpha : x;
  }
}

/**
 * Exact sampler: the k largest of N iid Binomial(K, p) values (the top-k
 * order statistics), drawn value by value from the top. Given that the R
 * remaining draws are all <= v, the number equal to v is
 * Binomial(R, P(X = v) / P(X <= v)); walking v downwards until k values are
 * collected gives exactly the joint law of the top k (no normal approximation).
 * Writes k values, descending, into `out`.
 */
export function sampleTailExact(rng: Rng, K: number, p: number, N: number, k: number, out: Float64Array): void {
  let v = tailTop(K, p, N);
  let remaining = N;
  let got = 0;
  let above = 0; // P(X > v)
  while (got < k) {
    const pmf = detExp(binomialLogPmf(K, p, v));
    const below = 1 - above; // P(X <= v)
    const ratio = v === 0 || below <= pmf ? 1 : pmf / below;
    const c = ratio >= 1 ? remaining : rng.binomial(remaining, ratio);
    const take = Math.min(c, k - got);
    out.fill(v, got, got + take);
    got += take;
    remaining -= c;
    above += pmf;
    v--;
    if (v < 0) {
      out.fill(0, got, k);
      break;
    }
  }
}
