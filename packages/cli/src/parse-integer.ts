import { UsageError } from './usage-error.js';

/**
 * A commander argument parser for an integer option value in [min, max]
 * (decimal digits with an optional sign; safe integers only). A bad value is a
 * `UsageError` naming the option: `--steps must be an integer ≥ 1, got '0'`.
 */
export function parseInteger(option: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value: string) => {
    const x = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(x) || x < min || x > max) {
      const range =
        min > Number.MIN_SAFE_INTEGER && max < Number.MAX_SAFE_INTEGER
          ? ` in [${min}, ${max}]`
          : min > Number.MIN_SAFE_INTEGER
            ? ` ≥ ${min}`
            : max < Number.MAX_SAFE_INTEGER
              ? ` ≤ ${max}`
              : '';
      throw new UsageError(`${option} must be an integer${range}, got '${value}'`);
    }
    return x;
  };
}
