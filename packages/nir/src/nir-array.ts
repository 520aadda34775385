import type { DType, NirArray } from './types.js';
import { NirError } from './nir-error.js';
import type { NirErrorLocation } from './nir-error.js';

/** Largest number of elements one array may hold (guards against absurd sizes in files). */
export const MAX_ELEMENTS = 2 ** 28;

/** Largest number of elements all arrays of one file may declare together (checked before any is read). */
export const MAX_TOTAL_ELEMENTS = 2 ** 28;

export const FLOAT_DTYPES: readonly DType[] = ['float16', 'float32', 'float64'];
export const INT_DTYPES: readonly DType[] = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'];
const ALL_DTYPES = new Set<string>([...FLOAT_DTYPES, ...INT_DTYPES]);

export function isDType(s: unknown): s is DType {
  return typeof s === 'string' && ALL_DTYPES.has(s);
}

export function isIntDType(d: DType): boolean {
  return INT_DTYPES.includes(d);
}

/** Number of elements of a shape. */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

export function isNirArray(x: unknown): x is NirArray {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    'shape' in x &&
    'dtype' in x &&
    'data' in x &&
    ((x as NirArray).data instanceof Float32Array || (x as NirArray).data instanceof Float64Array)
  );
}

/** Values a constructor accepts for an array field. */
export type ArrayInput = NirArray | readonly number[] | Float32Array | Float64Array;

/**
 * Make a NirArray. `data` is copied into a Float32Array for float32 and a
 * Float64Array otherwise. Default shape: 1-d; default dtype: float32 for a
 * Float32Array, else float64.
 */
export function nirArray(data: ArrayLike<number>, shape?: readonly number[], dtype?: DType): NirArray {
  const dt: DType = dtype ?? (data instanceof Float32Array ? 'float32' : 'float64');
  const sh = shape ? [...shape] : [data.length];
  if (numel(sh) !== data.length) {
    throw new NirError(`array of ${data.length} elements does not fit shape [${sh.join(', ')}]`, { code: 'ERR_SHAPE' });
  }
  const out = dt === 'float32' ? new Float32Array(data.length) : new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i];
  return { shape: sh, dtype: dt, data: out };
}

/** Coerce a constructor input to a validated NirArray (copy only when needed). */
export function toNirArray(x: unknown, where: NirErrorLocation, intOnly = false): NirArray {
  let a: NirArray;
  if (isNirArray(x)) {
    a = x;
    if (!isDType(a.dtype)) throw new NirError(`unsupported dtype '${String(a.dtype)}'`, { ...where, code: 'ERR_UNSUPPORTED' });
    if (!Array.isArray(a.shape) || a.shape.some((s) => !Number.isInteger(s) || s < 0)) {
      throw new NirError('shape must be a list of non-negative integers', where);
    }
    if (numel(a.shape) > MAX_ELEMENTS)
      throw new NirError(`absurd size: shape [${a.shape.join(', ')}]`, { ...where, code: 'ERR_OUT_OF_RANGE' });
    if (numel(a.shape) !== a.data.length) {
      throw new NirError(`data has ${a.data.length} elements, shape [${a.shape.join(', ')}] needs ${numel(a.shape)}`, {
        ...where,
        code: 'ERR_SHAPE',
      });
    }
    if ((a.dtype === 'float32') !== a.data instanceof Float32Array) {
      a = nirArray(a.data, a.shape, a.dtype);
    }
  } else if (x instanceof Float32Array || x instanceof Float64Array || (Array.isArray(x) && x.every((v) => typeof v === 'number'))) {
    a = nirArray(x as ArrayLike<number>, undefined, intOnly ? 'int64' : undefined);
  } else {
    throw new NirError(`expected an array, got ${describe(x)}`, where);
  }
  if (intOnly || isIntDType(a.dtype)) {
    for (let i = 0; i < a.data.length; i++) {
      const v = a.data[i];
      if (!Number.isSafeInteger(v)) {
        throw new NirError(intOnly ? `expected integers, got ${v}` : `integer value ${v} out of safe range`, {
          ...where,
          code: Number.isFinite(v) ? 'ERR_OUT_OF_RANGE' : 'ERR_NOT_FINITE',
        });
      }
    }
    if (intOnly && a.dtype !== 'int64') a = { shape: [...a.shape], dtype: 'int64', data: Float64Array.from(a.data) };
  }
  return a;
}

export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'nothing';
  if (typeof x === 'string') return `string '${x.length > 40 ? x.slice(0, 40) + '…' : x}'`;
  if (typeof x === 'number' || typeof x === 'bigint') return `${typeof x} ${x}`;
  if (Array.isArray(x)) return `list of ${x.length}`;
  return typeof x;
}

export function shapeStr(s: readonly number[] | null | undefined): string {
  return s == null ? 'unknown' : `[${s.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** An array of the given shape filled with `value`, same dtype as `like`. */
export function filledLike(like: NirArray, value: number): NirArray {
  const data = like.data instanceof Float32Array ? new Float32Array(like.data.length) : new Float64Array(like.data.length);
  data.fill(value);
  return { shape: [...like.shape], dtype: like.dtype, data };
}
