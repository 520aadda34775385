import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/parse-number.js';
import { UsageError } from '../src/usage-error.js';

describe('parseNumber', () => {
  it('reads what Number() reads', () => {
    expect(parseNumber('--dt')('1e-4')).toBe(1e-4);
    expect(parseNumber('--dt')('-0.5')).toBe(-0.5);
    expect(parseNumber('--dt')('0x10')).toBe(16);
  });

  it('rejects empty, non-numeric and infinite values with a UsageError naming the option', () => {
    for (const v of ['', ' ', 'abc', 'Infinity', '1e400', 'NaN']) {
      expect(() => parseNumber('--dt')(v)).toThrow(UsageError);
      expect(() => parseNumber('--dt')(v)).toThrow(`--dt must be a finite number, got '${v}'`);
    }
  });
});
