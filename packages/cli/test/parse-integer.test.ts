import { describe, expect, it } from 'vitest';
import { parseInteger } from '../src/parse-integer.js';
import { UsageError } from '../src/usage-error.js';

describe('parseInteger', () => {
  it('reads decimal integers with an optional sign', () => {
    expect(parseInteger('--n')('42')).toBe(42);
    expect(parseInteger('--n')('-7')).toBe(-7);
    expect(parseInteger('--n')('+3')).toBe(3);
  });

  it('rejects fractions, exponents, hex, empty and unsafe values with a UsageError naming the option', () => {
    for (const v of ['1.5', '1e3', '0x10', '', ' ', 'abc', '9007199254740993']) {
      expect(() => parseInteger('--steps')(v)).toThrow(UsageError);
      expect(() => parseInteger('--steps')(v)).toThrow(`--steps must be an integer, got '${v}'`);
    }
  });

  it('states the bounds it checks', () => {
    expect(() => parseInteger('--steps', 1)('0')).toThrow("--steps must be an integer ≥ 1, got '0'");
    expect(() => parseInteger('--k', 1, 10)('11')).toThrow("--k must be an integer in [1, 10], got '11'");
    expect(() => parseInteger('--k', undefined, 10)('11')).toThrow("--k must be an integer ≤ 10, got '11'");
    expect(parseInteger('--k', 1, 10)('10')).toBe(10);
    expect(parseInteger('--k', 1, 10)('1')).toBe(1);
  });
});
