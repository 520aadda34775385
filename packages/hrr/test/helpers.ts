/** Test helpers: sample statistics and a direct O(D²) circular convolution. */
export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number; m4: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let v = 0,
    m4 = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - mean;
    v += d * d;
    m4 += d * d * d * d;
  }
  return { mean, variance: v / (xs.length - 1), m4: m4 / xs.length };
}

/** (a ⊛ b)[t] = Σ_s a[s] b[(t − s) mod D], in float64. */
export function directConvolution(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const d = a.length,
    out = new Float64Array(d);
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

/**
 * The float32 unit roundoff u = 2⁻²⁴: rounding a real x to the nearest float32 errs by at most
 * u·|x| (IEEE 754 round to nearest; Higham, Accuracy and Stability of Numerical Algorithms,
 * 2nd ed., §2.1). Tolerances of this package's tests are built from it.
 */
export const U32 = 2 ** -24;

/**
 * Bound on the float64 stage of a computation before its float32 result, relative to the
 * result's scale: an FFT of length D in float64 errs by a few ε₆₄·log₂D relative to the
 * operands' norms (Higham §24.1; ε₆₄ = 2⁻⁵³ ≈ 1.1e-16, log₂D ≤ 14 here), far below 1e-12.
 */
export const F64_REL = 1e-12;

/**
 * Tolerance for a float32 result after `roundings` float32 roundings of values of magnitude up
 * to `scale`, on top of a float64 computation: (roundings·u + F64_REL)·scale.
 */
export function f32Tol(roundings: number, scale: number): number {
  return (roundings * U32 + F64_REL) * scale;
}

export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

export function l1(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]);
  return s;
}

/**
 * Second-order delta-method term b₂ of the mean cosine between unbind(Σ_{j≤k} a_j ⊛ b_j, a₁)
 * and b₁ (HRR, elements N(0, 1/D)), the leading term that `unbindCosineMoments` (first order)
 * omits. With the per-bin moments of cleanupProbability's derivation (E f_S = 1, E f_b = 1,
 * Var f_b = 1, Cov(f_S, f_b) = 1, Cov(f_q, f_b) = μ₂), c = S/(√Q·√B) expanded to second order
 * at the means, each covariance of a mean over D bins being 2/D times the per-bin one:
 * b₂ = μ_c (1/D)[¾ Var f_q/E f_q² + ¾ − Cov(f_S, f_q)/E f_q − 1 + μ₂/(2 E f_q)].
 */
export function secondOrderBias(D: number, k: number, keys: 'random' | 'unitary'): number {
  const [m2, m3, m4] = keys === 'random' ? [2, 6, 24] : [1, 1, 1];
  const eq = m2 + (k - 1);
  const vQ = 2 * m4 + 2 * m2 * k * (k - 1) + 4 * m3 * (k - 1) - eq * eq;
  const cSQ = 2 * m3 + 2 * m2 * (k - 1) - eq;
  return (1 / Math.sqrt(eq) / D) * ((0.75 * vQ) / (eq * eq) + 0.75 - cSQ / eq - 1 + m2 / (2 * eq));
}

/**
 * Standard deviation of cos(s, v_j) for a member v_j of s = Σ_{i≤n} v_i (elements N(0, 1/D)), to
 * first order in the dot products (delta method): cos ≈ (1/√n)(1 + Z) with
 * Var Z = (n−1)/(2nD) + (n−1)((n−1)² + (n−2)/2)/(n²D). For ±1 elements the norms are exact and
 * the first term vanishes, so this over-states their σ slightly.
 */
export function bundleMemberSigma(n: number, D: number): number {
  return Math.sqrt(((n - 1) / (2 * n * D) + ((n - 1) * ((n - 1) ** 2 + (n - 2) / 2)) / (n * n * D)) / n);
}
