import { describe, expect, it } from 'vitest';
import { checkFinite, checkInt, checkPositive, checkProb } from '../src/tensor-validators.js';
import { TensorError } from '../src/tensor-error.js';

function argumentOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TensorError);
    return (e as TensorError).argument;
  }
  return undefined;
}

describe('argument checks', () => {
  it('accept valid values and name the argument of invalid ones', () => {
    expect(argumentOf(() => checkFinite('f', 'x', 1.5))).toBeUndefined();
    expect(argumentOf(() => checkFinite('f', 'x', Infinity))).toBe('x');
    expect(argumentOf(() => checkInt('f', 'n', 3, 0, 10))).toBeUndefined();
    expect(argumentOf(() => checkInt('f', 'n', 11, 0, 10))).toBe('n');
    expect(argumentOf(() => checkInt('f', 'n', 2.5, 0, 10))).toBe('n');
    expect(argumentOf(() => checkProb('f', 'p', 0))).toBeUndefined();
    expect(argumentOf(() => checkProb('f', 'p', 0, true))).toBe('p');
    expect(argumentOf(() => checkProb('f', 'p', 1.0000001))).toBe('p');
    expect(argumentOf(() => checkPositive('f', 'rate', 0, true))).toBeUndefined();
    expect(argumentOf(() => checkPositive('f', 'rate', 0))).toBe('rate');
  });

  it('messages say which function, which argument, what was expected and what came', () => {
    expect(() => checkInt('binomial', 'n', -3, 0, 100)).toThrow('binomial: n must be an integer in [0, 100], got -3');
    expect(() => checkProb('geometric', 'p', 2, true)).toThrow('geometric: p must be in (0, 1], got 2');
  });
});
