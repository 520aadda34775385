import { toRng, type SeedOrRng } from '@neurite/tensor';
import { checkFinite } from './check.js';
import { HrrError } from './hrr-error.js';
import { rowList } from './model-parts.js';
import type { Vsa } from './vsa.js';

/**
 * Random selection (torchhd `randsel`): each element (of `vsa.elementSize` floats) is taken from
 * `b` with probability p and from `a` otherwise, so E sim(out, b) = p·1 + (1 − p)·s₀. A bundling
 * alternative for models with a majority bundle.
 */
export function randsel(vsa: Vsa, a: ArrayLike<number>, b: ArrayLike<number>, p: number, seed: SeedOrRng): Float32Array {
  checkFinite('randsel', 'p', p);
  if (p < 0 || p > 1) throw new HrrError('p', `randsel: p must be in [0, 1], got ${p}`, { code: 'ERR_OUT_OF_RANGE' });
  return multirandsel(vsa, [a, b], [1 - p, p], seed);
}

/**
 * Random selection among n vectors (torchhd `multirandsel`): each element is taken from row i
 * with probability p_i (normalised; default uniform).
 */
export function multirandsel(
  vsa: Vsa,
  vectors: ArrayLike<number> | ArrayLike<number>[],
  probabilities: ArrayLike<number> | undefined,
  seed: SeedOrRng,
): Float32Array {
  const list = rowList('multirandsel', vectors, vsa.dim);
  const n = list.length;
  const p = new Float64Array(n).fill(1 / n);
  if (probabilities !== undefined) {
    if (probabilities.length !== n)
      throw new HrrError('probabilities', `multirandsel: probabilities has length ${probabilities.length}, expected ${n}`, {
        code: 'ERR_SHAPE',
      });
    let s = 0;
    for (let i = 0; i < n; i++) {
      p[i] = checkFinite('multirandsel', `probabilities[${i}]`, probabilities[i]);
      if (p[i] < 0) throw new HrrError('probabilities', `multirandsel: probabilities[${i}] is negative`, { code: 'ERR_OUT_OF_RANGE' });
      s += p[i];
    }
    if (!(s > 0)) throw new HrrError('probabilities', 'multirandsel: probabilities sum to 0', { code: 'ERR_OUT_OF_RANGE' });
    for (let i = 0; i < n; i++) p[i] /= s;
  }
  const rng = toRng(seed, 'seed', HrrError);
  const D = vsa.dim,
    es = vsa.elementSize,
    out = new Float32Array(D);
  for (let e = 0; e < D / es; e++) {
    const u = rng.uniform();
    let i = 0,
      c = p[0];
    while (u >= c && i < n - 1) c += p[++i];
    for (let k = 0; k < es; k++) out[e * es + k] = list[i][e * es + k];
  }
  return out;
}
