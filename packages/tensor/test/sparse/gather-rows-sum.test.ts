import { describe, expect, it } from 'vitest';
import { gatherRowsSum } from '../../src/sparse/gather-rows-sum.js';
import { randomCSR } from '../../src/sparse/random-csr.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { absOf, denseOf, denseRowSum, maxRelErr, worstOfFloat32SumBound } from './helpers.js';

describe('gatherRowsSum', () => {
  const rng = createRng('gather');
  const csr = randomCSR(60, 90, 0.2, rng, { weight: (r) => r.normal() });
  const dense = denseOf(csr);
  const denseM = { nRows: 60, nCols: 90, data: Float32Array.from(dense) };

  it('CSR and dense agree with the dense reference (repeated rows count twice)', () => {
    for (const rows of [[3], [0, 59, 7, 7, 12], Array.from({ length: 60 }, (_, i) => i), [5, 6, 7]]) {
      // float32 accumulation of rows.length terms per column: within gamma32(rows.length) * sum |terms|
      const ref = denseRowSum(dense, 90, rows);
      const absSum = denseRowSum(absOf(dense), 90, rows);
      expect(worstOfFloat32SumBound(gatherRowsSum(csr, rows), ref, absSum, rows.length)).toBeLessThanOrEqual(1);
      expect(worstOfFloat32SumBound(gatherRowsSum(denseM, Int32Array.from(rows)), ref, absSum, rows.length)).toBeLessThanOrEqual(1);
    }
  });

  it('pattern CSR (data null) counts ones; out is overwritten', () => {
    const p = randomCSR(30, 40, 0.3, createRng(2), { pattern: true });
    const out = new Float32Array(40).fill(99);
    const got = gatherRowsSum(p, [1, 2, 3], out);
    expect(got).toBe(out);
    expect(maxRelErr(got, denseRowSum(denseOf(p), 40, [1, 2, 3]))).toBe(0);
  });

  it('no rows gives zeros', () => {
    expect(Array.from(gatherRowsSum(csr, []))).toEqual(new Array(90).fill(0));
    expect(Array.from(gatherRowsSum(denseM, []))).toEqual(new Array(90).fill(0));
  });

  it('rejects bad rows, out and matrices with TensorError', () => {
    expect(() => gatherRowsSum(csr, [60])).toThrow(/rows\[0\]/);
    expect(() => gatherRowsSum(denseM, [1, -1])).toThrow(/rows\[1\]/);
    expect(() => gatherRowsSum(denseM, [1, 2, 1.5])).toThrow(TensorError);
    expect(() => gatherRowsSum(csr, [0], new Float32Array(3))).toThrow(/out/);
    expect(() => gatherRowsSum({ nRows: 2, nCols: 2, data: new Float32Array(3) }, [0])).toThrow(/m.data/);
    const broken = { ...csr, indptr: csr.indptr.subarray(0, 10) };
    expect(() => gatherRowsSum(broken, [0])).toThrow(/indptr/);
  });
});
