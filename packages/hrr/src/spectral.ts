import { realFftPlan, type RealFftPlan } from '@neurite/tensor';

/**
 * @internal Row-wise spectral machinery shared by the HRR operations.
 *
 * Spectra are the real DFT of each row, X[k] = sum_t x[t] e^{-2 pi i k t / D},
 * k = 0..floor(D/2), stored interleaved [re0, im0, re1, im1, ...] (2*bins numbers
 * per row) as produced by `realFftPlan(D).forward` from @neurite/tensor.
 */

interface Scratch { a: Float64Array; b: Float64Array; c: Float64Array; x: Float64Array }
const scratchByDim = new Map<number, Scratch>();

/** @internal Plan and reusable scratch buffers for dimension `dim` (typed arrays only, no tensors). */
export function spectralContext(dim: number): { plan: RealFftPlan; bins: number; s: Scratch } {
  const plan = realFftPlan(dim);
  let s = scratchByDim.get(dim);
  if (s === undefined) {
    const w = 2 * plan.bins;
    s = { a: new Float64Array(w), b: new Float64Array(w), c: new Float64Array(w), x: new Float64Array(dim) };
    if (scratchByDim.size > 16) scratchByDim.clear();
    scratchByDim.set(dim, s);
  }
  return { plan, bins: plan.bins, s };
}

/**
 * @internal Multiplicity of bin k in the full D-point spectrum: 1 for DC and (even D) Nyquist,
 * 2 for the others (their conjugate twins). Used for Parseval sums: ||x||^2 = (1/D) sum_k mult_k |X_k|^2.
 */
export function binWeight(k: number, dim: number): number {
  return k === 0 || 2 * k === dim ? 1 : 2;
}

/** @internal Copy a Float64Array row into a Float32Array at an offset, optionally scaled. */
export function storeRow(src: Float64Array, dst: Float32Array, offset: number, n: number, scale = 1): void {
  if (scale === 1) for (let i = 0; i < n; i++) dst[offset + i] = src[i];
  else for (let i = 0; i < n; i++) dst[offset + i] = src[i] * scale;
}

/**
 * @internal out[r] = IDFT( combine(FFT(a[ra]), FFT(b[rb])) ) for each output row r, with
 * broadcasting of single-row operands (their spectrum is computed once).
 * `combine(A, B, C, bins)` writes C from A and B (interleaved complex) and may return a
 * scale applied to the output row (for the fused normalisation).
 */
export function binarySpectral(
  a: ArrayLike<number>, na: number, b: ArrayLike<number>, nb: number, dim: number, out: Float32Array,
  combine: (A: Float64Array, B: Float64Array, C: Float64Array, bins: number) => number,
): Float32Array {
  const { plan, bins, s } = spectralContext(dim);
  const n = Math.max(na, nb);
  for (let r = 0; r < n; r++) {
    if (na > 1 || r === 0) plan.forward(a, s.a, na > 1 ? r * dim : 0, 0);
    if (nb > 1 || r === 0) plan.forward(b, s.b, nb > 1 ? r * dim : 0, 0);
    const scale = combine(s.a, s.b, s.c, bins);
    plan.inverse(s.c, s.x, 0, 0);
    storeRow(s.x, out, r * dim, dim, scale);
  }
  return out;
}

/** @internal out[r] = IDFT( map(FFT(a[r])) ) for each row. `map(A, C, bins)` writes C. */
export function unarySpectral(
  a: ArrayLike<number>, n: number, dim: number, out: Float32Array,
  map: (A: Float64Array, C: Float64Array, bins: number, row: number) => void,
): Float32Array {
  const { plan, bins, s } = spectralContext(dim);
  for (let r = 0; r < n; r++) {
    plan.forward(a, s.a, r * dim, 0);
    map(s.a, s.c, bins, r);
    plan.inverse(s.c, s.x, 0, 0);
    storeRow(s.x, out, r * dim, dim);
  }
  return out;
}

/** @internal C = A * B (complex, interleaved). */
export function mulSpectra(A: Float64Array, B: Float64Array, C: Float64Array, bins: number): number {
  for (let k = 0, j = 0; k < bins; k++, j += 2) {
    const ar = A[j], ai = A[j + 1], br = B[j], bi = B[j + 1];
    C[j] = ar * br - ai * bi;
    C[j + 1] = ar * bi + ai * br;
  }
  return 1;
}
