import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';

/** Largest transform length accepted (plans hold O(n) float64 buffers). */
const MAX_FFT_LENGTH = 2 ** 26;

/**
 * Throw a TensorError unless `n` is an integer in [1, MAX_FFT_LENGTH].
 * @internal
 */
export function checkLength(fn: string, n: unknown): asserts n is number {
  checkInt(fn, 'n', n, 1, MAX_FFT_LENGTH);
}

/**
 * Throw a TensorError unless `arr` holds `need` numbers from `offset`.
 * @internal
 */
export function checkSpan(fn: string, name: string, arr: ArrayLike<number> | undefined, offset: number, need: number): void {
  if (arr == null || typeof arr.length !== 'number') {
    throw new TensorError(name, `${fn}: ${name} must be an array of numbers`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new TensorError(name, `${fn}: offset into ${name} must be a non-negative integer, got ${String(offset)}`);
  }
  if (arr.length - offset < need) {
    throw new TensorError(name, `${fn}: ${name} must hold ${need} numbers from offset ${offset}, but its length is ${arr.length}`);
  }
}
