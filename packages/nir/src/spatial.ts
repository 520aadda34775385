import type { NirArray } from './types.js';
import { NirError } from './nir-error.js';
import type { NirErrorLocation } from './nir-error.js';

/** The spatial values of a conv/pool parameter, `n` of them (a scalar is repeated). */
export function spatial(v: number | NirArray, n: number, where: NirErrorLocation): number[] {
  if (typeof v === 'number') return new Array<number>(n).fill(v);
  if (v.data.length === 1) return new Array<number>(n).fill(v.data[0]);
  if (v.data.length !== n) throw new NirError(`expected ${n} value(s), got ${v.data.length}`, { ...where, code: 'ERR_SHAPE' });
  return Array.from(v.data);
}
