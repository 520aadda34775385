import { describe, expect, it } from 'vitest';
import { bundle } from '../src/index.js';
import { f32Tol } from './helpers.js';

describe('bundle', () => {
  it('bundle is the weighted sum, optionally normalised', () => {
    const v = new Float32Array([1, 0, 0, 1, 2, 2]);
    expect(Array.from(bundle(v, 2))).toEqual([3, 3]);
    expect(Array.from(bundle(v, 2, { weights: [1, 2, -1] }))).toEqual([-1, 0]);
    const n = bundle(
      [
        [3, 0],
        [0, 4],
      ],
      2,
      { normalize: true },
    );
    // (3, 4)/5 in float64, rounded to float32
    expect(Array.from(n)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });
});

describe('bundle (many rows)', () => {
  it('equals the direct float64 weighted sum for row counts and widths that are not multiples of 4', () => {
    for (const [n, dim] of [
      [1, 5],
      [7, 6],
      [13, 1027],
      [64, 1024],
    ]) {
      const v = new Float32Array(n * dim);
      for (let i = 0; i < v.length; i++) v[i] = Math.sin(0.7 * i + n) * 0.5;
      const w = Array.from({ length: n }, (_, r) => 1 - r / n);
      const ref = new Float64Array(dim),
        refW = new Float64Array(dim);
      for (let r = 0; r < n; r++)
        for (let j = 0; j < dim; j++) {
          ref[j] += v[r * dim + j];
          refW[j] += w[r] * v[r * dim + j];
        }
      const got = bundle(v, dim),
        gotW = bundle(v, dim, { weights: w });
      const list = bundle(
        Array.from({ length: n }, (_, r) => v.subarray(r * dim, (r + 1) * dim)),
        dim,
        { weights: w },
      );
      // float64 sums (another order than the reference: error ≤ n·ε₆₄·Σ|v|, inside F64_REL·n),
      // one float32 rounding each
      const scale = n * 0.5;
      for (let j = 0; j < dim; j++) {
        expect(Math.abs(got[j] - ref[j])).toBeLessThanOrEqual(f32Tol(1, Math.abs(ref[j])) + f32Tol(0, scale));
        expect(Math.abs(gotW[j] - refW[j])).toBeLessThanOrEqual(f32Tol(1, Math.abs(refW[j])) + f32Tol(0, scale));
        expect(list[j]).toBe(gotW[j]);
      }
    }
  });

  it('refuses non-finite weights with an HrrError naming weights', () => {
    expect(() => bundle(new Float32Array(8), 2, { weights: [1, 2, NaN, 1] })).toThrow(/weights\[2\] must be a finite number, got NaN/);
    expect(() => bundle(new Float32Array(8), 2, { weights: [1, 2, Infinity, 1] })).toThrow(
      expect.objectContaining({ name: 'HrrError', code: 'ERR_NOT_FINITE', argument: 'weights[2]' }),
    );
  });
});
