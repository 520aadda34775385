/**
 * Statistics for the RNG tests, written from textbook formulas (no code
 * under test is used): normal tail Q(x), chi-square and Kolmogorov-Smirnov
 * p-values, binning of an exact pmf.
 */

/** Significance level of every goodness-of-fit test (fixed seeds make the tests deterministic). */
export const ALPHA = 1e-4;

/**
 * erfc(x) for x >= 0, relative error ~1e-14:
 * x < 2.5: 1 - erf(x), erf(x) = 2/√π e^{-x²} Σ 2^n x^{2n+1} / (1·3·…·(2n+1)) (all terms positive);
 * x >= 2.5: Laplace's continued fraction erfc(x) = e^{-x²}/√π / (x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x,
      sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let f = x;
  for (let k = 120; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Upper tail of the standard normal, Q(x) = P(Z > x) = erfc(x/√2)/2. */
export function normalQ(x: number): number {
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  return erfc(x / Math.SQRT2) / 2;
}

/** P(a < Z < x) computed without cancellation in the tails. */
export function normalMass(a: number, x: number): number {
  if (a >= 0) return normalQ(a) - normalQ(x);
  if (x <= 0) return normalQ(-x) - normalQ(-a);
  return 1 - normalQ(-a) - normalQ(x);
}

/** Standard normal density. */
export function phi(x: number): number {
  return Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0;
}

/**
 * Upper tail of the chi-square distribution with `df` degrees of freedom
 * (regularized Q(df/2, x/2): series for x < s + 1, Lentz continued fraction otherwise).
 */
export function chiSquareSf(x: number, df: number): number {
  const s = df / 2,
    z = x / 2;
  if (z <= 0) return 1;
  const lg = logGamma(s);
  if (z < s + 1) {
    let term = 1 / s,
      sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= z / (s + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return 1 - Math.exp(-z + s * Math.log(z) - lg) * sum;
  }
  const tiny = 1e-300;
  let b = z + 1 - s,
    c = 1 / tiny,
    d = 1 / b,
    h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-z + s * Math.log(z) - lg) * h;
}

/** ln Γ(x), x > 0: recurrence up to x >= 20, then Stirling's series. */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift -= Math.log(x);
    x += 1;
  }
  const x2 = x * x;
  return (
    shift +
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * x) -
    1 / (360 * x * x2) +
    1 / (1260 * x * x2 * x2) -
    1 / (1680 * x * x2 * x2 * x2)
  );
}

export interface ChiSquareResult {
  stat: number;
  df: number;
  p: number;
  bins: number;
}

/**
 * Pearson chi-square of integer samples against a pmf given on [k0, k0 + pmf.length);
 * mass outside is pooled into the end bins. Consecutive values are merged so
 * every bin expects >= `minExpected` counts.
 */
export function chiSquareDiscrete(samples: ArrayLike<number>, k0: number, pmf: ArrayLike<number>, minExpected = 20): ChiSquareResult {
  const n = samples.length;
  const counts = new Float64Array(pmf.length);
  for (let i = 0; i < n; i++) {
    let j = samples[i] - k0;
    if (j < 0) j = 0;
    else if (j >= pmf.length) j = pmf.length - 1;
    counts[j]++;
  }
  let total = 0;
  for (let j = 0; j < pmf.length; j++) total += pmf[j];
  const obs: number[] = [],
    exp: number[] = [];
  let o = 0,
    e = 0;
  for (let j = 0; j < pmf.length; j++) {
    o += counts[j];
    e += (pmf[j] / total) * n;
    if (e >= minExpected) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  if (exp.length === 0) throw new Error('chiSquareDiscrete: too few samples');
  obs[obs.length - 1] += o;
  exp[exp.length - 1] += e;
  let stat = 0;
  for (let j = 0; j < obs.length; j++) stat += (obs[j] - exp[j]) ** 2 / exp[j];
  const df = obs.length - 1;
  return { stat, df, p: chiSquareSf(stat, df), bins: obs.length };
}

/** Pearson chi-square of counts against expected counts (same length). */
export function chiSquareCounts(counts: ArrayLike<number>, expected: ArrayLike<number>): ChiSquareResult {
  let stat = 0;
  for (let j = 0; j < counts.length; j++) stat += (counts[j] - expected[j]) ** 2 / expected[j];
  const df = counts.length - 1;
  return { stat, df, p: chiSquareSf(stat, df), bins: counts.length };
}

/**
 * A pmf on [k0, k1] by the ratio recurrence from the mode, normalised to sum 1:
 * pmf(k+1)/pmf(k) = ratio(k). The range is cut where the pmf falls below 1e-16 of the mode.
 */
export function pmfByRecurrence(
  mode: number,
  lowest: number,
  highest: number,
  ratio: (k: number) => number,
): { k0: number; pmf: Float64Array } {
  const up: number[] = [1];
  for (let k = mode; k < highest; k++) {
    const v = up[up.length - 1] * ratio(k);
    if (v < 1e-16) break;
    up.push(v);
  }
  const down: number[] = [];
  let v = 1;
  for (let k = mode - 1; k >= lowest; k--) {
    v /= ratio(k);
    if (v < 1e-16) break;
    down.push(v);
  }
  const pmf = new Float64Array(down.length + up.length);
  for (let i = 0; i < down.length; i++) pmf[down.length - 1 - i] = down[i];
  for (let i = 0; i < up.length; i++) pmf[down.length + i] = up[i];
  let s = 0;
  for (let i = 0; i < pmf.length; i++) s += pmf[i];
  for (let i = 0; i < pmf.length; i++) pmf[i] /= s;
  return { k0: mode - down.length, pmf };
}

/** Exact Binomial(n, p) pmf (0 < p < 1) by the recurrence pmf(k+1)/pmf(k) = (n-k)/(k+1) · p/(1-p). */
export function binomialPmf(n: number, p: number): { k0: number; pmf: Float64Array } {
  const mode = Math.min(n, Math.floor((n + 1) * p));
  return pmfByRecurrence(mode, 0, n, (k) => ((n - k) / (k + 1)) * (p / (1 - p)));
}

/** Exact Poisson(lambda) pmf by pmf(k+1)/pmf(k) = lambda/(k+1). */
export function poissonPmf(lambda: number): { k0: number; pmf: Float64Array } {
  return pmfByRecurrence(Math.floor(lambda), 0, Infinity, (k) => lambda / (k + 1));
}

/** Kolmogorov-Smirnov statistic of samples against a continuous cdf, with the asymptotic p-value. */
export function ksTest(samples: ArrayLike<number>, cdf: (x: number) => number): { d: number; p: number } {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const sn = Math.sqrt(n);
  const lambda = (sn + 0.12 + 0.11 / sn) * d;
  let p = 0;
  for (let k = 1; k < 100; k++) p += 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
  return { d, p: Math.min(1, Math.max(0, p)) };
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}
