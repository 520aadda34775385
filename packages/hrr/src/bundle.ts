import { checkDim, outArray, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `bundle`. */
export interface BundleOptions {
  /** Weight w_i of each row (default all 1). */
  weights?: ArrayLike<number>;
  /** Scale the sum to unit Euclidean norm (a zero sum stays zero). Default false. */
  normalize?: boolean;
  out?: Float32Array;
}

/**
 * Bundling (superposition): s = Σ_i w_i v_i over the rows of `vectors` ([n, D] row-major,
 * or a list of length-D vectors), optionally scaled to ||s|| = 1. Sums in float64.
 */
export function bundle(vectors: ArrayLike<number> | ArrayLike<number>[], dim: number, opts: BundleOptions = {}): Float32Array {
  checkDim('bundle', dim);
  const list = Array.isArray(vectors) && vectors.length > 0 && typeof vectors[0] === 'object' ? (vectors as ArrayLike<number>[]) : null;
  const n = list ? list.length : rowsOf('bundle', vectors as ArrayLike<number>, dim, 'vectors');
  if (list) list.forEach((v, i) => { if (v?.length !== dim) throw new HrrError('vectors', `bundle: vectors[${i}] has length ${v?.length}, expected dim=${dim}`); });
  const w = opts.weights;
  if (w !== undefined && w.length !== n) throw new HrrError('weights', `bundle: weights has length ${w.length}, expected ${n} (one per vector)`);
  const acc = new Float64Array(dim);
  const rowAt = (r: number): [ArrayLike<number>, number] => (list ? [list[r], 0] : [vectors as ArrayLike<number>, r * dim]);
  const weight = (r: number): number => {
    const wr = w === undefined ? 1 : w[r];
    if (!Number.isFinite(wr)) throw new HrrError('weights', `bundle: weights[${r}] must be finite, got ${wr}`);
    return wr;
  };
  let r = 0;
  // four rows per pass over the accumulator (fewer loads/stores of acc)
  for (; r + 4 <= n; r += 4) {
    const [v0, o0] = rowAt(r), [v1, o1] = rowAt(r + 1), [v2, o2] = rowAt(r + 2), [v3, o3] = rowAt(r + 3);
    const w0 = weight(r), w1 = weight(r + 1), w2 = weight(r + 2), w3 = weight(r + 3);
    for (let j = 0; j < dim; j++) acc[j] += w0 * v0[o0 + j] + w1 * v1[o1 + j] + w2 * v2[o2 + j] + w3 * v3[o3 + j];
  }
  for (; r < n; r++) {
    const [v, o] = rowAt(r), wr = weight(r);
    for (let j = 0; j < dim; j++) acc[j] += wr * v[o + j];
  }
  const out = outArray('bundle', dim, opts.out);
  let scale = 1;
  if (opts.normalize) {
    let e = 0;
    for (let j = 0; j < dim; j++) e += acc[j] * acc[j];
    if (e > 0) scale = 1 / Math.sqrt(e);
  }
  for (let j = 0; j < dim; j++) out[j] = acc[j] * scale;
  return out;
}
