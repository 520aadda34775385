/** Test helpers: sample statistics and a direct O(D²) circular convolution. */
export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number; m4: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let v = 0, m4 = 0;
  for (let i = 0; i < xs.length; i++) { const d = xs[i] - mean; v += d * d; m4 += d * d * d * d; }
  return { mean, variance: v / (xs.length - 1), m4: m4 / xs.length };
}

/** (a ⊛ b)[t] = Σ_s a[s] b[(t − s) mod D], in float64. */
export function directConvolution(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const d = a.length, out = new Float64Array(d);
  for (let t = 0; t < d; t++) {
    let s = 0;
    for (let u = 0; u < d; u++) s += a[u] * b[(t - u + d) % d];
    out[t] = s;
  }
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export function row(x: Float32Array, r: number, d: number): Float32Array {
  return x.subarray(r * d, (r + 1) * d);
}
