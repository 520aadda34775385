import { UsageError } from './usage-error.js';

/**
 * A commander argument parser for a finite number option value (anything `Number()`
 * reads, e.g. `1e-4`, except an empty string). A bad value is a `UsageError` naming the option.
 */
export function parseNumber(option: string): (value: string) => number {
  return (value: string) => {
    const x = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(x)) throw new UsageError(`${option} must be a finite number, got '${value}'`);
    return x;
  };
}
