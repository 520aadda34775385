import type { NeuriteErrorClass } from './neurite-error.js';

/**
 * Argument checks that throw the caller's own error class with a message of the
 * form `fn: name must be …, got …` and the matching `code`. Each package makes
 * its set once: `export const { checkFinite, checkInt } = createValidators(HrrError);`.
 */
export interface Validators {
  /** Throw unless `x` is a finite number (`ERR_NOT_FINITE`); returns `x`. */
  checkFinite(fn: string, name: string, x: unknown): number;
  /** Throw unless `x` is an integer in [min, max] (`ERR_OUT_OF_RANGE`); returns `x`. Bounds default to the safe integers. */
  checkInt(fn: string, name: string, x: unknown, min?: number, max?: number): number;
  /** Throw unless `p` is a probability in [0, 1], or (0, 1] with `openLo` (`ERR_OUT_OF_RANGE`); returns `p`. */
  checkProb(fn: string, name: string, p: unknown, openLo?: boolean): number;
  /** Throw unless `x` is finite and > 0, or >= 0 with `allowZero`; returns `x`. */
  checkPositive(fn: string, name: string, x: unknown, allowZero?: boolean): number;
  /** Throw unless every element of `xs` is finite (`ERR_NOT_FINITE`, naming the first bad index). */
  checkAllFinite(fn: string, name: string, xs: ArrayLike<number>): void;
}

const show = (x: unknown): string =>
  typeof x === 'string' ? JSON.stringify(x) : typeof x === 'object' && x !== null ? Object.prototype.toString.call(x) : String(x);

/** The validators that throw `Err` (see {@link Validators}). */
export function createValidators(Err: NeuriteErrorClass): Validators {
  const notNumber = (fn: string, name: string, x: unknown, what: string) =>
    new Err(name, `${fn}: ${name} must be ${what}, got ${show(x)}`, {
      code:
        typeof x === 'number' && !Number.isFinite(x)
          ? 'ERR_NOT_FINITE'
          : typeof x === 'number'
            ? 'ERR_OUT_OF_RANGE'
            : 'ERR_INVALID_ARGUMENT',
    });
  return {
    checkFinite(fn, name, x) {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw notNumber(fn, name, x, 'a finite number');
      return x;
    },
    checkInt(fn, name, x, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
        const what = typeof x === 'number' && Number.isFinite(x) && !Number.isInteger(x) ? 'ERR_INVALID_ARGUMENT' : undefined;
        const e = notNumber(fn, name, x, `an integer in [${min}, ${max}]`);
        if (what) (e as { code: string }).code = what;
        throw e;
      }
      return x;
    },
    checkProb(fn, name, p, openLo = false) {
      if (typeof p !== 'number' || Number.isNaN(p) || p > 1 || (openLo ? p <= 0 : p < 0))
        throw notNumber(fn, name, p, `in ${openLo ? '(0, 1]' : '[0, 1]'}`);
      return p;
    },
    checkPositive(fn, name, x, allowZero = false) {
      if (typeof x !== 'number' || !Number.isFinite(x) || (allowZero ? x < 0 : x <= 0))
        throw notNumber(fn, name, x, `a finite number ${allowZero ? '>= 0' : '> 0'}`);
      return x;
    },
    checkAllFinite(fn, name, xs) {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!;
        if (!Number.isFinite(v)) throw new Err(name, `${fn}: ${name}[${i}] must be finite, got ${String(v)}`, { code: 'ERR_NOT_FINITE' });
      }
    },
  };
}
