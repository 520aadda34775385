import { describe, expect, it } from 'vitest';
import { spmv } from '../../src/sparse/spmv.js';
import { randomCSR } from '../../src/sparse/random-csr.js';
import { csrFromCOO } from '../../src/sparse/csr-from-coo.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { denseMatVec, denseOf, maxRelErr } from './helpers.js';

describe('spmv', () => {
  it('y = A x matches the dense product', () => {
    const rng = createRng('spmv');
    for (const [n, m, p] of [[70, 40, 0.2], [5, 300, 0.05], [200, 3, 0.9]] as const) {
      const a = randomCSR(n, m, p, rng, { weight: (r) => r.normal() });
      const x = Float32Array.from({ length: m }, () => rng.normal());
      expect(maxRelErr(spmv(a, x), denseMatVec(denseOf(a), n, m, x))).toBeLessThan(1e-6);
      const pat = randomCSR(n, m, p, rng, { pattern: true });
      expect(maxRelErr(spmv(pat, Array.from(x)), denseMatVec(denseOf(pat), n, m, x))).toBeLessThan(1e-6);
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
