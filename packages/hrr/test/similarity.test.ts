import { describe, expect, it } from 'vitest';
import { cosine, dot, HrrError, randomVectors } from '../src/index.js';
import { meanVar, row } from './helpers.js';

describe('dot and cosine', () => {
  it.each([100, 1000])('a·b of random HRR vectors has mean 0 and variance 1/D (D = %i)', (D) => {
    const N = 4000;
    const A = randomVectors('hrr', D, 'da', N),
      B = randomVectors('hrr', D, 'db', N);
    const s = new Float64Array(N);
    for (let i = 0; i < N; i++) s[i] = dot(row(A, i, D), row(B, i, D));
    const { mean, variance } = meanVar(s);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(1 / D / N));
    // Var(dot²) = (2D + 6)/D³ exactly for Gaussian elements
    expect(Math.abs(variance - 1 / D)).toBeLessThan(5 * Math.sqrt((2 * D + 6) / D ** 3 / N));
  });

  it('a·a has mean 1 (elements N(0, 1/D))', () => {
    const D = 500,
      N = 2000;
    const A = randomVectors('hrr', D, 'aa', N);
    const s = Array.from({ length: N }, (_, i) => dot(row(A, i, D), row(A, i, D)));
    expect(Math.abs(meanVar(s).mean - 1)).toBeLessThan(5 * Math.sqrt(2 / D / N));
  });

  it('cosine is scale invariant and 0 for a zero vector', () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(() => dot([1, 2], [1])).toThrow(HrrError);
  });
});
