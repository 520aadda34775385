import type { CSR } from '../../src/sparse/csr.js';

/** Dense float64 copy of a CSR (row-major), by plain loops: the reference. */
export function denseOf(m: CSR): Float64Array {
  const d = new Float64Array(m.nRows * m.nCols);
  for (let i = 0; i < m.nRows; i++) {
    for (let k = m.indptr[i]; k < m.indptr[i + 1]; k++) d[i * m.nCols + m.indices[k]] += m.data === null ? 1 : m.data[k];
  }
  return d;
}

/** Reference sum of selected rows of a dense row-major matrix, in float64. */
export function denseRowSum(d: ArrayLike<number>, nCols: number, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(nCols);
  for (let t = 0; t < rows.length; t++) for (let j = 0; j < nCols; j++) out[j] += d[rows[t] * nCols + j];
  return out;
}

/** Reference y = A x, dense, float64. */
export function denseMatVec(d: ArrayLike<number>, nRows: number, nCols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let s = 0;
    for (let j = 0; j < nCols; j++) s += d[i * nCols + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** max |a - b| / (1 + |b|) */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return e;
}

/**
 * Pearson chi-square statistic of observed counts against expected counts,
 * with adjacent bins pooled until every pooled expectation is >= 5, turned
 * into an approximately standard-normal z by the Wilson–Hilferty transform:
 * z = ((X/df)^(1/3) - (1 - 2/(9 df))) / sqrt(2/(9 df)). z > 4.5 has p ≈ 3e-6.
 */
export function chiSquareZ(observed: ArrayLike<number>, expected: ArrayLike<number>): { chi2: number; df: number; z: number } {
  const po: number[] = [];
  const pe: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < expected.length; i++) {
    o += observed[i];
    e += expected[i];
    if (e >= 5) {
      po.push(o);
      pe.push(e);
      o = 0;
      e = 0;
    }
  }
  if (e > 0 || o > 0) {
    if (pe.length === 0) {
      po.push(o);
      pe.push(e);
    } else {
      po[po.length - 1] += o;
      pe[pe.length - 1] += e;
    }
  }
  let chi2 = 0;
  for (let i = 0; i < pe.length; i++) chi2 += (po[i] - pe[i]) ** 2 / pe[i];
  const df = pe.length - 1;
  const a = 2 / (9 * df);
  const z = (Math.cbrt(chi2 / df) - (1 - a)) / Math.sqrt(a);
  return { chi2, df, z };
}

/** Binomial(n, p) pmf for k = 0..kMax, via logs (lgamma by Lanczos-free summation of logs). */
export function binomialPmf(n: number, p: number, kMax: number): Float64Array {
  const out = new Float64Array(kMax + 1);
  // log pmf(0) = n log(1-p); ratio pmf(k+1)/pmf(k) = (n-k)/(k+1) * p/(1-p)
  let lp = n * Math.log1p(-p);
  for (let k = 0; k <= kMax; k++) {
    out[k] = Math.exp(lp);
    lp += Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p));
  }
  return out;
}

/** float32 unit roundoff 2^-24. */
export const U32 = 2 ** -24;

/** gamma_k = k u / (1 - k u) for float32 (u = 2^-24): Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Lemma 3.1. */
export function gamma32(k: number): number {
  return (k * U32) / (1 - k * U32);
}

/**
 * Largest |got_j - ref_j| / bound_j, with bound_j = gamma32(k) * absSum_j: a
 * float32 sum of k + 1 terms (k roundings in any order) is within that of the
 * exact sum, where absSum_j is the sum of the terms' magnitudes (Higham eq. 4.4).
 * At most 1 when the result is within its bound (0/0 counts as 0).
 */
export function worstOfFloat32SumBound(got: ArrayLike<number>, ref: ArrayLike<number>, absSum: ArrayLike<number>, k: number): number {
  let worst = 0;
  for (let j = 0; j < ref.length; j++) {
    const err = Math.abs(got[j] - ref[j]);
    if (err === 0) continue;
    worst = Math.max(worst, err / (gamma32(k) * absSum[j]));
  }
  return worst;
}

/** |d| elementwise (for absSum references). */
export function absOf(d: ArrayLike<number>): Float64Array {
  return Float64Array.from(d as ArrayLike<number>, (v) => Math.abs(v));
}
