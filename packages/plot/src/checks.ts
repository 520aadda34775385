import { createValidators } from '@neurite/tensor/errors';
import { PlotError } from './plot-error.js';

/** Argument checks that throw {@link PlotError}. */
export const { checkFinite, checkInt, checkPositive } = createValidators(PlotError);

/** Throw unless `x` is array-like (an array or typed array); returns it. */
export function checkArrayLike(fn: string, name: string, x: unknown): ArrayLike<unknown> {
  if (x === null || typeof x !== 'object' || typeof (x as { length?: unknown }).length !== 'number') {
    throw new PlotError(name, `${fn}: ${name} must be an array or typed array, got ${x === null ? 'null' : typeof x}`);
  }
  return x as ArrayLike<unknown>;
}

/** Throw unless `x` is an array-like of finite numbers; returns it. */
export function checkNumbers(fn: string, name: string, x: unknown): ArrayLike<number> {
  const xs = checkArrayLike(fn, name, x);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== 'number') throw new PlotError(name, `${fn}: ${name}[${i}] must be a number, got ${typeof v}`);
    if (!Number.isFinite(v)) throw new PlotError(name, `${fn}: ${name}[${i}] must be finite, got ${String(v)}`, { code: 'ERR_NOT_FINITE' });
  }
  return xs as ArrayLike<number>;
}

/** Throw `ERR_OUT_OF_RANGE` unless every value is > 0 (values drawn on a log axis). */
export function checkLogPositive(fn: string, name: string, xs: ArrayLike<number>): void {
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i]! > 0))
      throw new PlotError(name, `${fn}: ${name}[${i}] must be > 0 on a log scale, got ${xs[i]}`, { code: 'ERR_OUT_OF_RANGE' });
  }
}

/**
 * Throw unless `x` is an array-like of rows, each an array-like of finite numbers, all of
 * the same length (`ERR_SHAPE` naming the first row that differs); returns the rows.
 */
export function checkRows(fn: string, name: string, x: unknown): ArrayLike<number>[] {
  const m = checkArrayLike(fn, name, x);
  const rows: ArrayLike<number>[] = [];
  for (let r = 0; r < m.length; r++) {
    const row = checkNumbers(fn, `${name}[${r}]`, m[r]);
    if (r > 0 && row.length !== rows[0]!.length)
      throw new PlotError(`${name}[${r}]`, `${fn}: every row of ${name} must have ${rows[0]!.length} entries, row ${r} has ${row.length}`, {
        code: 'ERR_SHAPE',
      });
    rows.push(row);
  }
  return rows;
}

/** Throw unless `x` is a string, or undefined when `optional`; returns it. */
export function checkString(fn: string, name: string, x: unknown, optional: true): string | undefined;
export function checkString(fn: string, name: string, x: unknown, optional?: false): string;
export function checkString(fn: string, name: string, x: unknown, optional = false): string | undefined {
  if (typeof x === 'string' || (optional && x === undefined)) return x as string | undefined;
  throw new PlotError(name, `${fn}: ${name} must be a string, got ${typeof x}`);
}
