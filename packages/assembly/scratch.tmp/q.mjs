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

// q.ts
for (const [K, N] of [[317, 1e5], [634, 99683], [634, 99e3], [634, 98800], [1e3, 999e4], [2e4, 999e4]]) for (const p of [0.01, 0.05, 1e-3]) console.log(K, N, p, binomialUpperQuantile(K, p, 317 / N));
