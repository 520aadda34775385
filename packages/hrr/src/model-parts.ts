import { bundle as sumBundle, type BundleOptions } from './bundle.js';
import { checkInt, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import { cosine } from './similarity.js';

/** @internal Throws ERR_SHAPE unless a and b both have length dim. */
export function checkPairDim(fn: string, a: ArrayLike<number>, b: ArrayLike<number>, dim: number): void {
  if (a?.length !== dim || b?.length !== dim)
    throw new HrrError('b', `${fn}: a and b must have length dim=${dim}, got ${a?.length} and ${b?.length}`, { code: 'ERR_SHAPE' });
}

/** @internal Cosine similarity of two length-D vectors, checked. */
export function cosineOf(a: ArrayLike<number>, b: ArrayLike<number>, dim: number): number {
  checkPairDim('similarity', a, b, dim);
  return cosine(a, b);
}

/** @internal Real superposition Σ w_i v_i (unit norm with `normalize`). */
export function realBundle(v: ArrayLike<number> | ArrayLike<number>[], dim: number, opts: BundleOptions = {}): Float32Array {
  return sumBundle(v, dim, opts);
}

/** @internal The rows of `vectors` as a list of length-D views (row-major array or list). */
export function rowList(fn: string, vectors: ArrayLike<number> | ArrayLike<number>[], dim: number): ArrayLike<number>[] {
  if (Array.isArray(vectors) && vectors.length > 0 && typeof vectors[0] === 'object') {
    const list = vectors as ArrayLike<number>[];
    list.forEach((v, i) => {
      if (v?.length !== dim)
        throw new HrrError('vectors', `${fn}: vectors[${i}] has length ${v?.length}, expected dim=${dim}`, { code: 'ERR_SHAPE' });
    });
    return list;
  }
  const flat = vectors as ArrayLike<number>;
  const n = rowsOf(fn, flat, dim, 'vectors');
  const out: ArrayLike<number>[] = [];
  for (let r = 0; r < n; r++)
    out.push(
      flat instanceof Float32Array ? flat.subarray(r * dim, (r + 1) * dim) : Array.from({ length: dim }, (_, j) => flat[r * dim + j]),
    );
  return out;
}

/** @internal Bundle weights (default 1), checked against the row count. */
export function bundleWeights(fn: string, n: number, w?: ArrayLike<number>): Float64Array {
  if (w !== undefined && w.length !== n)
    throw new HrrError('weights', `${fn}: weights has length ${w.length}, expected ${n}`, { code: 'ERR_SHAPE' });
  const out = new Float64Array(n).fill(1);
  if (w) for (let i = 0; i < n; i++) out[i] = w[i];
  return out;
}

/** @internal Positive integer option `name` dividing `dim` (e.g. a block size). */
export function checkDivisor(fn: string, name: string, value: number, dim: number): number {
  checkInt(fn, name, value, 1);
  if (dim % value !== 0) throw new HrrError(name, `${fn}: ${name}=${value} must divide dim=${dim}`, { code: 'ERR_SHAPE' });
  return value;
}

/** @internal Integer binding power p (models whose power is repeated binding). */
export function checkIntegerPower(model: string, p: number): number {
  if (!Number.isInteger(p)) throw new HrrError('p', `power: the ${model} model has integer binding powers only, got ${p}`);
  return p;
}
