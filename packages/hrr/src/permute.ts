import { toRng, type SeedOrRng } from '@neurite/tensor';
import { checkDim, outArray, rowsOf, unaryDim } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `permute`. */
export interface PermuteOptions {
  /** Vector dimension D (default: the permutation's length, or a.length for a shift). */
  dim?: number;
  /** Write the result here instead of a new array. */
  out?: Float32Array;
}

/**
 * Permutation of the elements of each row.
 * - `by` a number s (rotation): out[i] = a[(i − s) mod D], i.e. a cyclic shift right by s
 *   (negative s shifts left; permute(permute(a, s), −s) = a).
 * - `by` an index array π of length D (a permutation of 0..D−1): out[i] = a[π[i]].
 * Row-wise on [batch, D].
 */
export function permute(a: ArrayLike<number>, by: number | ArrayLike<number>, opts: PermuteOptions = {}): Float32Array {
  const dim =
    opts.dim !== undefined
      ? checkDim('permute', opts.dim)
      : typeof by === 'number'
        ? unaryDim('permute', a)
        : checkDim('permute', by.length, 'by');
  const n = rowsOf('permute', a, dim, 'a');
  const out = outArray('permute', n * dim, opts.out);
  const src = (out as ArrayLike<number>) === a ? Float32Array.from(a) : a;
  if (typeof by === 'number') {
    if (!Number.isSafeInteger(by)) throw new HrrError('by', `permute: a shift must be an integer, got ${by}`);
    const s = ((by % dim) + dim) % dim;
    for (let r = 0, o = 0; r < n; r++, o += dim) {
      for (let i = 0; i < dim; i++) {
        const j = i - s;
        out[o + i] = src[o + (j < 0 ? j + dim : j)];
      }
    }
    return out;
  }
  if (by.length !== dim)
    throw new HrrError('by', `permute: permutation has length ${by.length}, expected dim=${dim}`, { code: 'ERR_SHAPE' });
  checkPermutation('permute', by);
  for (let r = 0, o = 0; r < n; r++, o += dim) for (let i = 0; i < dim; i++) out[o + i] = src[o + by[i]];
  return out;
}

/** @internal Throws unless p is a permutation of 0..p.length-1. */
export function checkPermutation(fn: string, p: ArrayLike<number>): void {
  const seen = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!Number.isInteger(v) || v < 0 || v >= p.length || seen[v]) {
      throw new HrrError('by', `${fn}: by is not a permutation of 0..${p.length - 1} (entry ${i} = ${v})`);
    }
    seen[v] = 1;
  }
}

/** The inverse permutation π^{-1} (π^{-1}[π[i]] = i), so permute(permute(a, π), π^{-1}) = a. */
export function inversePermutation(p: ArrayLike<number>): Int32Array {
  checkPermutation('inversePermutation', p);
  const inv = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) inv[p[i]] = i;
  return inv;
}

/** A uniformly random permutation of 0..dim−1 (Fisher–Yates with the given seed or Rng). */
export function randomPermutation(dim: number, seed: SeedOrRng): Int32Array {
  checkDim('randomPermutation', dim);
  const p = new Int32Array(dim);
  for (let i = 0; i < dim; i++) p[i] = i;
  return toRng(seed, 'seed', HrrError).shuffle(p);
}
