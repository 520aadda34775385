import { describe, expect, it } from 'vitest';
import { spmv } from '../../src/sparse/spmv.js';
import { randomCSR } from '../../src/sparse/random-csr.js';
import { csrFromCOO } from '../../src/sparse/csr-from-coo.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { absOf, denseMatVec, denseOf, U32 } from './helpers.js';

/**
 * spmv sums each row in float64 and rounds once to float32: |y - ref| <= u32 |ref| + gamma64(m) sum |a x|
 * (u32 = 2^-24; the float64 term is below 1e-12 of sum |a x| here). Returns the worst ratio to that bound.
 */
function worstOfSpmvBound(got: ArrayLike<number>, d: Float64Array, n: number, m: number, x: ArrayLike<number>): number {
  const ref = denseMatVec(d, n, m, x);
  const abs = denseMatVec(absOf(d), n, m, absOf(x));
  const g64 = (m * 2 ** -53) / (1 - m * 2 ** -53);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const err = Math.abs(got[i] - ref[i]);
    if (err > 0) worst = Math.max(worst, err / (U32 * Math.abs(ref[i]) + g64 * abs[i] * (1 + U32)));
  }
  return worst;
}

describe('spmv', () => {
  it('y = A x matches the dense product', () => {
    const rng = createRng('spmv');
    for (const [n, m, p] of [
      [70, 40, 0.2],
      [5, 300, 0.05],
      [200, 3, 0.9],
    ] as const) {
      const a = randomCSR(n, m, p, rng, { weight: (r) => r.normal() });
      const x = Float32Array.from({ length: m }, () => rng.normal());
      expect(worstOfSpmvBound(spmv(a, x), denseOf(a), n, m, x)).toBeLessThanOrEqual(1);
      const pat = randomCSR(n, m, p, rng, { pattern: true });
      expect(worstOfSpmvBound(spmv(pat, Array.from(x)), denseOf(pat), n, m, x)).toBeLessThanOrEqual(1);
    }
  });

  it('hand example and empty rows', () => {
    const a = csrFromCOO(3, 3, [0, 0, 2], [0, 2, 1], [1, 2, 3]);
    expect(Array.from(spmv(a, [1, 10, 100]))).toEqual([201, 0, 30]);
  });

  it('rejects a wrong x or out with TensorError', () => {
    const a = csrFromCOO(3, 3, [0], [0], [1]);
    expect(() => spmv(a, [1, 2])).toThrow(/x must be/);
    expect(() => spmv(a, [1, 2, 3], new Float32Array(2))).toThrow(TensorError);
  });
});
