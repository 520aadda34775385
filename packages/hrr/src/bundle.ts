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
  for (let r = 0; r < n; r++) {
    const wr = w === undefined ? 1 : w[r];
    if (!Number.isFinite(wr)) throw new HrrError('weights', `bundle: weights[${r}] must be finite, got ${wr}`);
    if (list) {
      const v = list[r];
      for (let j = 0; j < dim; j++) acc[j] += wr * v[j];
    } else {
      const v = vectors as ArrayLike<number>;
      const o = r * dim;
      for (let j = 0; j < dim; j++) acc[j] += wr * v[o + j];
    }
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
