import { realFftPlan, type RealFftPlan } from '@neurite/tensor';

/**
 * @internal Row-wise spectral machinery of the unary HRR operations (exactInverse, makeUnitary,
 * bindPower); binary ones (bind, unbind, bindNormalize) use `RealFftPlan.convolve` directly.
 *
 * Spectra are the real DFT of each row, X[k] = sum_t x[t] e^{-2 pi i k t / D},
 * k = 0..floor(D/2), stored interleaved [re0, im0, re1, im1, ...] (2*bins numbers
 * per row) as produced by `realFftPlan(D).forward` from @neurite/tensor.
 */

interface Scratch {
  a: Float64Array;
  c: Float64Array;
  x: Float64Array;
}
const scratchByDim = new Map<number, Scratch>();

/** Plan and reusable scratch buffers for dimension `dim` (typed arrays only, no tensors). */
function spectralContext(dim: number): { plan: RealFftPlan; bins: number; s: Scratch } {
  const plan = realFftPlan(dim);
  let s = scratchByDim.get(dim);
  if (s === undefined) {
    const w = 2 * plan.bins;
    s = { a: new Float64Array(w), c: new Float64Array(w), x: new Float64Array(dim) };
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

/** @internal out[r] = IDFT( map(FFT(a[r])) ) for each row. `map(A, C, bins)` writes C. */
export function unarySpectral(
  a: ArrayLike<number>,
  n: number,
  dim: number,
  out: Float32Array,
  map: (A: Float64Array, C: Float64Array, bins: number, row: number) => void,
): Float32Array {
  const { plan, bins, s } = spectralContext(dim);
  for (let r = 0; r < n; r++) {
    plan.forward(a, s.a, r * dim, 0);
    map(s.a, s.c, bins, r);
    plan.inverse(s.c, s.x, 0, 0);
    out.set(s.x, r * dim);
  }
  return out;
}
