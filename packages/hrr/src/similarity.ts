import { HrrError } from './hrr-error.js';

function sameLength(fn: string, a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a?.length !== b?.length || !(a.length > 0))
    throw new HrrError('b', `${fn}: a and b must be non-empty vectors of equal length, got ${a?.length} and ${b?.length}`, {
      code: 'ERR_SHAPE',
    });
  return a.length;
}

/** Dot product a·b = Σ_i a_i b_i (float64 accumulation). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = sameLength('dot', a, b);
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Cosine similarity a·b / (||a|| ||b||); 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = sameLength('cosine', a, b);
  let s = 0,
    aa = 0,
    bb = 0;
  for (let i = 0; i < n; i++) {
    s += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? s / Math.sqrt(aa * bb) : 0;
}
