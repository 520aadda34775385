import { describe, expect, it } from 'vitest';
import { approxInverse } from '../src/index.js';

describe('approxInverse', () => {
  it('is the involution a[−i mod D]', () => {
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4])))).toEqual([1, 4, 3, 2]);
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4, 5, 6]), { dim: 3 }))).toEqual([1, 3, 2, 4, 6, 5]);
  });
});
