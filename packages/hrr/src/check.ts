import { createValidators } from '@neurite/tensor';
import { HrrError } from './hrr-error.js';

/**
 * @internal The shared argument checks of @neurite/tensor, throwing HrrError:
 * `checkFinite(fn, name, x)`, `checkInt(fn, name, x, min?, max?)`, `checkPositive(fn, name, x, allowZero?)`.
 */
export const { checkFinite, checkInt, checkPositive } = createValidators(HrrError);

/** @internal Throws unless `dim` is a positive safe integer. */
export function checkDim(fn: string, dim: unknown, name = 'dim'): number {
  return checkInt(fn, name, dim, 1);
}

/** @internal Number of rows of a row-major [batch, dim] array; throws if the length is not a positive multiple of dim. */
export function rowsOf(fn: string, x: ArrayLike<number>, dim: number, name: string): number {
  if (x == null || typeof x.length !== 'number') {
    throw new HrrError(name, `${fn}: ${name} must be a Float32Array (or array of numbers), got ${x === null ? 'null' : typeof x}`);
  }
  if (x.length === 0 || x.length % dim !== 0) {
    throw new HrrError(name, `${fn}: ${name} has length ${x.length}, expected a positive multiple of dim=${dim}`, { code: 'ERR_SHAPE' });
  }
  return x.length / dim;
}

/**
 * @internal Batch size of a binary op with broadcasting: both operands have the same number
 * of rows, or one of them has a single row.
 */
export function broadcastRows(fn: string, na: number, nb: number, a = 'a', b = 'b'): number {
  if (na === nb || nb === 1) return na;
  if (na === 1) return nb;
  throw new HrrError(b, `${fn}: ${a} has ${na} rows and ${b} has ${nb} rows; expected equal counts or one of them 1`, {
    code: 'ERR_SHAPE',
  });
}

/** Dimension of a binary op: explicit, else the shorter operand's length. */
function binaryDim(fn: string, a: ArrayLike<number>, b: ArrayLike<number>, dim?: number): number {
  if (dim !== undefined) return checkDim(fn, dim);
  const d = Math.min(a?.length ?? 0, b?.length ?? 0);
  if (!(d >= 1)) throw new HrrError('a', `${fn}: operands must be non-empty vectors`, { code: 'ERR_SHAPE' });
  return d;
}

/** @internal The output array: `out` when given (checked), else a new Float32Array. */
export function outArray(fn: string, n: number, out?: Float32Array): Float32Array {
  if (out === undefined) return new Float32Array(n);
  if (!(out instanceof Float32Array) || out.length !== n) {
    throw new HrrError(
      'out',
      `${fn}: out must be a Float32Array of length ${n}, got ${out instanceof Float32Array ? `length ${out.length}` : typeof out}`,
      { code: out instanceof Float32Array ? 'ERR_SHAPE' : 'ERR_INVALID_ARGUMENT' },
    );
  }
  return out;
}

/** @internal Dimension of a unary op: explicit, else the operand's length. */
export function unaryDim(fn: string, a: ArrayLike<number>, dim?: number): number {
  if (dim !== undefined) return checkDim(fn, dim);
  if (a == null || !(a.length >= 1)) throw new HrrError('a', `${fn}: a must be a non-empty vector`, { code: 'ERR_SHAPE' });
  return a.length;
}

/**
 * @internal Shape of a row-wise binary op with single-row broadcasting: the dimension (explicit or
 * the shorter operand's length), the output row count, and the output array (`out` checked, or new).
 */
export function binaryShape(
  fn: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: { dim?: number; out?: Float32Array },
  an = 'a',
  bn = 'b',
): { dim: number; rows: number; out: Float32Array } {
  const dim = binaryDim(fn, a, b, opts.dim);
  const rows = broadcastRows(fn, rowsOf(fn, a, dim, an), rowsOf(fn, b, dim, bn), an, bn);
  return { dim, rows, out: outArray(fn, rows * dim, opts.out) };
}

/** @internal Shape of a row-wise unary op on [rows, dim] (dim explicit or a.length) and its output array. */
export function unaryShape(
  fn: string,
  a: ArrayLike<number>,
  opts: { dim?: number; out?: Float32Array },
): { dim: number; rows: number; out: Float32Array } {
  const dim = unaryDim(fn, a, opts.dim);
  const rows = rowsOf(fn, a, dim, 'a');
  return { dim, rows, out: outArray(fn, rows * dim, opts.out) };
}
