import { describe, expect, it } from 'vitest';
import { HrrError, inversePermutation, permute, randomPermutation } from '../src/index.js';

describe('permute', () => {
  it('shifts cyclically and inverts', () => {
    const a = new Float32Array([1, 2, 3, 4, 5]);
    expect(Array.from(permute(a, 1))).toEqual([5, 1, 2, 3, 4]);
    expect(Array.from(permute(permute(a, 7), -7))).toEqual([1, 2, 3, 4, 5]);
    const p = randomPermutation(5, 42);
    expect(Array.from(permute(permute(a, p), inversePermutation(p)))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(randomPermutation(5, 42))).toEqual(Array.from(p));
    expect(() => permute(a, [0, 0, 1, 2, 3])).toThrow(HrrError);
  });
});
