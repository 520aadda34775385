/**
 * @internal Small dense matrices (row-major, float64 work arrays) for the matrix-valued models
 * (VTB, TVTB, GHRR). Complex matrices are a pair (re, im) of m×m arrays.
 */

/** C = A · B (n×n real). */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, n: number, ta = false, tb = false): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = ta ? a[k * n + i] : a[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += aik * (tb ? b[j * n + k] : b[k * n + j]);
    }
  return c;
}

/** Inverse of an n×n real matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function matInverse(a: ArrayLike<number>, n: number): Float64Array | null {
  const m = Float64Array.from(a),
    inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    const piv = m[p * n + c];
    if (!(Math.abs(piv) > 1e-300)) return null;
    if (p !== c)
      for (let j = 0; j < n; j++) {
        [m[p * n + j], m[c * n + j]] = [m[c * n + j], m[p * n + j]];
        [inv[p * n + j], inv[c * n + j]] = [inv[c * n + j], inv[p * n + j]];
      }
    for (let j = 0; j < n; j++) {
      m[c * n + j] /= piv;
      inv[c * n + j] /= piv;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] -= f * m[c * n + j];
        inv[r * n + j] -= f * inv[c * n + j];
      }
    }
  }
  return inv;
}

/**
 * Orthogonal polar factor of an n×n real matrix (the nearest orthogonal matrix in Frobenius
 * norm) by the Newton–Schulz iteration X ← X(3I − XᵀX)/2 from X₀ = A/‖A‖_F (‖X₀‖₂ ≤ 1 < √3, so
 * it converges for a non-singular A), until ‖XᵀX − I‖_max < 1e-12 or 100 iterations.
 */
export function polarOrthogonal(a: ArrayLike<number>, n: number): Float64Array {
  let f = 0;
  for (let i = 0; i < n * n; i++) f += a[i] * a[i];
  let x: Float64Array = Float64Array.from(a, (v) => v / Math.sqrt(f || 1));
  for (let it = 0; it < 100; it++) {
    const g = matMul(x, x, n, true, false);
    let err = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) err = Math.max(err, Math.abs(g[i * n + j] - (i === j ? 1 : 0)));
    if (err < 1e-12) break;
    for (let i = 0; i < n * n; i++) g[i] = -g[i];
    for (let i = 0; i < n; i++) g[i * n + i] += 3;
    const y = matMul(x, g, n);
    for (let i = 0; i < n * n; i++) y[i] *= 0.5;
    x = y;
  }
  return x;
}

/** Complex C = op(A) · op(B), op = conjugate transpose when the flag is set (m×m). */
export function cMatMul(
  ar: ArrayLike<number>,
  ai: ArrayLike<number>,
  br: ArrayLike<number>,
  bi: ArrayLike<number>,
  m: number,
  ha = false,
  hb = false,
): [Float64Array, Float64Array] {
  const cr = new Float64Array(m * m),
    ci = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const xr = ha ? ar[k * m + i] : ar[i * m + k],
        xi = ha ? -ai[k * m + i] : ai[i * m + k];
      for (let j = 0; j < m; j++) {
        const yr = hb ? br[j * m + k] : br[k * m + j],
          yi = hb ? -bi[j * m + k] : bi[k * m + j];
        cr[i * m + j] += xr * yr - xi * yi;
        ci[i * m + j] += xr * yi + xi * yr;
      }
    }
  return [cr, ci];
}

/** Inverse of an m×m complex matrix (Gauss–Jordan, partial pivoting); null when singular. */
export function cMatInverse(ar: ArrayLike<number>, ai: ArrayLike<number>, m: number): [Float64Array, Float64Array] | null {
  const n = m,
    w = 2 * n;
  // real 2n×2n embedding [[Ar, −Ai], [Ai, Ar]] has inverse [[Xr, −Xi], [Xi, Xr]]
  const big = new Float64Array(w * w);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      big[i * w + j] = ar[i * n + j];
      big[i * w + n + j] = -ai[i * n + j];
      big[(n + i) * w + j] = ai[i * n + j];
      big[(n + i) * w + n + j] = ar[i * n + j];
    }
  const inv = matInverse(big, w);
  if (inv === null) return null;
  const xr = new Float64Array(n * n),
    xi = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      xr[i * n + j] = inv[i * w + j];
      xi[i * n + j] = inv[(n + i) * w + j];
    }
  return [xr, xi];
}

/** Unitary polar factor of an m×m complex matrix: the orthogonal polar factor of its real embedding. */
export function cPolarUnitary(ar: ArrayLike<number>, ai: ArrayLike<number>, m: number): [Float64Array, Float64Array] {
  const w = 2 * m,
    big = new Float64Array(w * w);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      big[i * w + j] = ar[i * m + j];
      big[i * w + m + j] = -ai[i * m + j];
      big[(m + i) * w + j] = ai[i * m + j];
      big[(m + i) * w + m + j] = ar[i * m + j];
    }
  const q = polarOrthogonal(big, w);
  const xr = new Float64Array(m * m),
    xi = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      xr[i * m + j] = q[i * w + j];
      xi[i * m + j] = q[(m + i) * w + j];
    }
  return [xr, xi];
}
