import { describe, expect, it } from 'vitest';
import { createValidators } from '../src/validators.js';
import { NeuriteError, type NeuriteErrorCode } from '../src/neurite-error.js';

/** A package error class of the shape createValidators expects. */
class DemoError extends NeuriteError {
  constructor(argument: string, message: string, options: ConstructorParameters<typeof NeuriteError>[1] = {}) {
    super(message, { ...options, argument });
    this.name = 'DemoError';
  }
}

const v = createValidators(DemoError);

function thrown(f: () => unknown): DemoError {
  try {
    f();
  } catch (e) {
    if (e instanceof DemoError) return e;
    throw new Error(`threw something else: ${String(e)}`, { cause: e });
  }
  throw new Error('did not throw');
}

function expectError(f: () => unknown, code: NeuriteErrorCode, argument: string, message: RegExp): void {
  const e = thrown(f);
  expect(e.code).toBe(code);
  expect(e.argument).toBe(argument);
  expect(e.message).toMatch(message);
}

describe('createValidators', () => {
  it('return their input when it is valid', () => {
    expect(v.checkFinite('f', 'x', -2.5)).toBe(-2.5);
    expect(v.checkInt('f', 'n', 7, 0, 10)).toBe(7);
    expect(v.checkProb('f', 'p', 0)).toBe(0);
    expect(v.checkProb('f', 'p', 1, true)).toBe(1);
    expect(v.checkPositive('f', 'x', 0, true)).toBe(0);
    expect(v.checkPositive('f', 'x', 1e-300)).toBe(1e-300);
    expect(() => v.checkAllFinite('f', 'xs', [1, 2, 3])).not.toThrow();
  });

  it('checkFinite: ERR_NOT_FINITE for NaN / Infinity, ERR_INVALID_ARGUMENT for a non-number', () => {
    expectError(() => v.checkFinite('fn', 'x', NaN), 'ERR_NOT_FINITE', 'x', /^fn: x must be a finite number, got NaN$/);
    expectError(() => v.checkFinite('fn', 'x', -Infinity), 'ERR_NOT_FINITE', 'x', /got -Infinity/);
    expectError(() => v.checkFinite('fn', 'x', '3'), 'ERR_INVALID_ARGUMENT', 'x', /got "3"/);
  });

  it('checkInt: ERR_OUT_OF_RANGE outside [min, max], ERR_INVALID_ARGUMENT for a fraction', () => {
    expectError(() => v.checkInt('fn', 'n', 11, 0, 10), 'ERR_OUT_OF_RANGE', 'n', /^fn: n must be an integer in \[0, 10\], got 11$/);
    expectError(() => v.checkInt('fn', 'n', 2.5, 0, 10), 'ERR_INVALID_ARGUMENT', 'n', /got 2\.5/);
    expectError(() => v.checkInt('fn', 'n', 2 ** 53), 'ERR_OUT_OF_RANGE', 'n', /9007199254740991/);
    expectError(() => v.checkInt('fn', 'n', NaN), 'ERR_NOT_FINITE', 'n', /got NaN/);
  });

  it('checkProb: [0, 1], or (0, 1] with openLo', () => {
    expectError(() => v.checkProb('fn', 'p', 1.5), 'ERR_OUT_OF_RANGE', 'p', /^fn: p must be in \[0, 1\], got 1\.5$/);
    expectError(() => v.checkProb('fn', 'p', 0, true), 'ERR_OUT_OF_RANGE', 'p', /in \(0, 1\]/);
    expectError(() => v.checkProb('fn', 'p', NaN), 'ERR_NOT_FINITE', 'p', /got NaN/);
  });

  it('checkPositive: > 0, or >= 0 with allowZero', () => {
    expectError(() => v.checkPositive('fn', 'tau', 0), 'ERR_OUT_OF_RANGE', 'tau', /^fn: tau must be a finite number > 0, got 0$/);
    expectError(() => v.checkPositive('fn', 'tau', -1, true), 'ERR_OUT_OF_RANGE', 'tau', />= 0/);
    expectError(() => v.checkPositive('fn', 'tau', Infinity), 'ERR_NOT_FINITE', 'tau', /got Infinity/);
  });

  it('checkAllFinite: names the first bad index', () => {
    expectError(
      () => v.checkAllFinite('fn', 'w', new Float32Array([0, 1, NaN, Infinity])),
      'ERR_NOT_FINITE',
      'w',
      /^fn: w\[2\] must be finite, got NaN$/,
    );
  });

  it('throw the class they were made with', () => {
    expect(thrown(() => v.checkFinite('fn', 'x', NaN)).name).toBe('DemoError');
  });
});
