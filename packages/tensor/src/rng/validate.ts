/**
 * @internal Argument checks shared by the generator (xoshiro128.ts),
 * randomTensor and the sparse constructors and kernels.
 */
import { TensorError } from '../errors.js';

/** Throw a TensorError unless `x` is a finite number. */
export function checkFinite(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new TensorError(name, `${fn}: ${name} must be a finite number, got ${String(x)}`);
  }
}

/** Throw unless `x` is an integer in [min, max]. */
export function checkInt(fn: string, name: string, x: number, min: number, max: number): void {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw new TensorError(name, `${fn}: ${name} must be an integer in [${min}, ${max}], got ${String(x)}`);
  }
}

/** Throw unless `p` is a probability in [lo, 1] (lo = 0 or an open bound when `openLo`). */
export function checkProb(fn: string, name: string, p: number, openLo = false): void {
  if (typeof p !== 'number' || Number.isNaN(p) || p > 1 || (openLo ? p <= 0 : p < 0)) {
    throw new TensorError(name, `${fn}: ${name} must be in ${openLo ? '(0, 1]' : '[0, 1]'}, got ${String(p)}`);
  }
}

/** Throw unless `x` is finite and > 0 (or >= 0 when `allowZero`). */
export function checkPositive(fn: string, name: string, x: number, allowZero = false): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || (allowZero ? x < 0 : x <= 0)) {
    throw new TensorError(name, `${fn}: ${name} must be a finite number ${allowZero ? '>= 0' : '> 0'}, got ${String(x)}`);
  }
}
