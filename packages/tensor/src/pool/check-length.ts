import { TensorError } from '../tensor-error.js';

/** Throw unless `a` is an array-like whose length is a positive multiple of `unit` (or exactly `exact`). @internal */
export function checkArray(fn: string, name: string, a: unknown, unit: number, exact?: number): ArrayLike<number> {
  const len =
    a != null && typeof a === 'object' && typeof (a as ArrayLike<number>).length === 'number' ? (a as ArrayLike<number>).length : -1;
  const ok = exact !== undefined ? len === exact : len > 0 && len % unit === 0;
  if (!ok) {
    throw new TensorError(
      name,
      `${fn}: ${name} must be an array of length ${exact !== undefined ? exact : `a positive multiple of ${unit}`}, got ${len < 0 ? typeof a : `length ${len}`}`,
      { code: 'ERR_SHAPE' },
    );
  }
  return a as ArrayLike<number>;
}
