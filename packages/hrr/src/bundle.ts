import { checkDim, checkFinite, outArray, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `bundle`. */
export interface BundleOptions {
  /** Weight w_i of each row (default all 1). */
  weights?: ArrayLike<number>;
  /** Scale the sum to unit Euclidean norm (a zero sum stays zero). Default false. */
  normalize?: boolean;
  /** Write the result here (length D) instead of a new array. */
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
  if (list)
    list.forEach((v, i) => {
      if (v?.length !== dim)
        throw new HrrError('vectors', `bundle: vectors[${i}] has length ${v?.length}, expected dim=${dim}`, { code: 'ERR_SHAPE' });
    });
  const w = opts.weights;
  if (w !== undefined && w.length !== n)
    throw new HrrError('weights', `bundle: weights has length ${w.length}, expected ${n} (one per vector)`, { code: 'ERR_SHAPE' });
  let wt: Float64Array | null = null;
  if (w !== undefined) {
    wt = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      wt[r] = checkFinite('bundle', `weights[${r}]`, w[r]);
    }
  }
  const acc = zeros(dim);
  if (list === null) {
    const v = vectors as ArrayLike<number>;
    if (wt === null) sumRows(v, n, dim, acc);
    else sumWeightedRows(v, wt, n, dim, acc);
  } else {
    sumList(list, wt, dim, acc);
  }
  const out = outArray('bundle', dim, opts.out);
  let scale = 1;
  if (opts.normalize) {
    let e = 0;
    for (let j = 0; j < dim; j++) e += acc[j] * acc[j];
    if (e > 0) scale = 1 / Math.sqrt(e);
  }
  if (scale === 1) for (let j = 0; j < dim; j++) out[j] = acc[j];
  else for (let j = 0; j < dim; j++) out[j] = acc[j] * scale;
  return out;
}

/**
 * The float64 accumulator: a plain array of unboxed doubles rather than a Float64Array, since
 * typed-array accesses get slower for the whole process once any ArrayBuffer has been detached
 * (as tfjs-backend-wasm does when its heap grows); measured ~15% on this loop.
 */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0.5);
  a.fill(0);
  return a;
}

// Rows are added four at a time, acc[j] += ((v0 + v1) + v2) + v3 (fewer loads/stores of acc);
// the same order in every path, so weights of 1 give the same bits as no weights.

function sumRows(v: ArrayLike<number>, n: number, dim: number, acc: number[]): void {
  const d4 = dim - (dim % 4);
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const o0 = r * dim,
      o1 = o0 + dim,
      o2 = o1 + dim,
      o3 = o2 + dim;
    // element loop unrolled by 4 (independent accumulator slots)
    let j = 0;
    for (; j < d4; j += 4) {
      acc[j] += v[o0 + j] + v[o1 + j] + v[o2 + j] + v[o3 + j];
      acc[j + 1] += v[o0 + j + 1] + v[o1 + j + 1] + v[o2 + j + 1] + v[o3 + j + 1];
      acc[j + 2] += v[o0 + j + 2] + v[o1 + j + 2] + v[o2 + j + 2] + v[o3 + j + 2];
      acc[j + 3] += v[o0 + j + 3] + v[o1 + j + 3] + v[o2 + j + 3] + v[o3 + j + 3];
    }
    for (; j < dim; j++) acc[j] += v[o0 + j] + v[o1 + j] + v[o2 + j] + v[o3 + j];
  }
  for (; r < n; r++) {
    const o = r * dim;
    for (let j = 0; j < dim; j++) acc[j] += v[o + j];
  }
}

function sumWeightedRows(v: ArrayLike<number>, wt: Float64Array, n: number, dim: number, acc: number[]): void {
  const d4 = dim - (dim % 4);
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const o0 = r * dim,
      o1 = o0 + dim,
      o2 = o1 + dim,
      o3 = o2 + dim;
    const w0 = wt[r],
      w1 = wt[r + 1],
      w2 = wt[r + 2],
      w3 = wt[r + 3];
    let j = 0;
    for (; j < d4; j += 4) {
      acc[j] += w0 * v[o0 + j] + w1 * v[o1 + j] + w2 * v[o2 + j] + w3 * v[o3 + j];
      acc[j + 1] += w0 * v[o0 + j + 1] + w1 * v[o1 + j + 1] + w2 * v[o2 + j + 1] + w3 * v[o3 + j + 1];
      acc[j + 2] += w0 * v[o0 + j + 2] + w1 * v[o1 + j + 2] + w2 * v[o2 + j + 2] + w3 * v[o3 + j + 2];
      acc[j + 3] += w0 * v[o0 + j + 3] + w1 * v[o1 + j + 3] + w2 * v[o2 + j + 3] + w3 * v[o3 + j + 3];
    }
    for (; j < dim; j++) acc[j] += w0 * v[o0 + j] + w1 * v[o1 + j] + w2 * v[o2 + j] + w3 * v[o3 + j];
  }
  for (; r < n; r++) {
    const o = r * dim,
      wr = wt[r];
    for (let j = 0; j < dim; j++) acc[j] += wr * v[o + j];
  }
}

function sumList(list: ArrayLike<number>[], wt: Float64Array | null, dim: number, acc: number[]): void {
  const n = list.length;
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const v0 = list[r],
      v1 = list[r + 1],
      v2 = list[r + 2],
      v3 = list[r + 3];
    const w0 = wt ? wt[r] : 1,
      w1 = wt ? wt[r + 1] : 1,
      w2 = wt ? wt[r + 2] : 1,
      w3 = wt ? wt[r + 3] : 1;
    for (let j = 0; j < dim; j++) acc[j] += w0 * v0[j] + w1 * v1[j] + w2 * v2[j] + w3 * v3[j];
  }
  for (; r < n; r++) {
    const v = list[r],
      wr = wt ? wt[r] : 1;
    for (let j = 0; j < dim; j++) acc[j] += wr * v[j];
  }
}
