// tn.ts
import { createRng } from "@neurite/tensor";

// ../src/binomial-tail.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function lnGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
function binomialLogPmf(n, p, v) {
  if (v < 0 || v > n) return -Infinity;
  if (p >= 1) return v === n ? 0 : -Infinity;
  if (p <= 0) return v === 0 ? 0 : -Infinity;
  return lnGamma(n + 1) - lnGamma(v + 1) - lnGamma(n - v + 1) + v * Math.log(p) + (n - v) * Math.log1p(-p);
}
function tailTop(n, p, count) {
  const logCount = Math.log(Math.max(1, count));
  let v = Math.min(n, Math.floor((n + 1) * p));
  while (v < n && binomialLogPmf(n, p, v) + logCount > -45) v++;
  return v;
}
function binomialUpperQuantile(n, p, tail) {
  if (tail >= 1) return 0;
  if (p >= 1) return n;
  let x = tailTop(n, p, 1 / Math.max(tail, 1e-300));
  let above = 0;
  while (x > 0) {
    const next = above + Math.exp(binomialLogPmf(n, p, x));
    if (next > tail) break;
    above = next;
    x--;
  }
  return x;
}
function sampleTailReference(rng2, K, p, N, k, out) {
  const alpha = binomialUpperQuantile(K, p, k / N);
  const mu = K * p;
  const sigma = Math.sqrt(K * p * (1 - p));
  if (!(sigma > 0) || alpha >= K) {
    out.fill(Math.min(K, Math.max(alpha, Math.round(mu))), 0, k);
    return;
  }
  for (let i = 0; i < k; i++) {
    const x = Math.round(rng2.truncatedNormal(alpha, K, mu, sigma));
    out[i] = x > K ? K : x < alpha ? alpha : x;
  }
}

// tn.ts
var rng = createRng(5);
for (const [alpha, K, p] of [[9, 317, 0.01], [14, 634, 0.01], [48, 634, 0.05]]) {
  const out = new Float64Array(317);
  let s = 0, ea = 0, ea1 = 0, c = 0, mx = 0;
  for (let t = 0; t < 1262; t++) {
    sampleTailReference(rng, K, p, K === 317 ? 1e5 : 99683, 317, out);
    for (const v of out) {
      s += v;
      c++;
      if (v === alpha) ea++;
      if (v === alpha + 1) ea1++;
      mx = Math.max(mx, v);
    }
  }
  console.log(alpha, K, p, "mean", s / c, "P(=alpha)", ea / c, "P(=alpha+1)", ea1 / c, "max", mx);
}
