import { describe, expect, it } from 'vitest';
import { csrFromCOO } from '../../src/sparse/csr-from-coo.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { denseOf } from './helpers.js';

/** Dense reference straight from the triplets. */
/** gamma_k = k u / (1 - k u), float64 (u = 2^-53). */
function gamma64(k: number): number {
  return (k * 2 ** -53) / (1 - k * 2 ** -53);
}

function denseFromCOO(nRows: number, nCols: number, r: ArrayLike<number>, c: ArrayLike<number>, v?: ArrayLike<number>): Float64Array {
  const d = new Float64Array(nRows * nCols);
  for (let t = 0; t < r.length; t++) d[r[t] * nCols + c[t]] += v ? v[t] : 1;
  return d;
}

function randomTriplets(seed: string, nRows: number, nCols: number, nnz: number) {
  const rng = createRng(seed);
  const r = Array.from({ length: nnz }, () => rng.uniformInt(nRows));
  const c = Array.from({ length: nnz }, () => rng.uniformInt(nCols));
  const v = Array.from({ length: nnz }, () => Math.fround(rng.normal()));
  return { r, c, v };
}

describe('csrFromCOO', () => {
  it('sums duplicates and sorts columns (hand example)', () => {
    // (0,2)=1 (0,0)=2 (2,1)=3 (0,2)=4 -> row 0: col 0 -> 2, col 2 -> 5; row 2: col 1 -> 3
    const m = csrFromCOO(3, 3, [0, 0, 2, 0], [2, 0, 1, 2], [1, 2, 3, 4]);
    expect(Array.from(m.indptr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(m.indices)).toEqual([0, 2, 1]);
    expect(Array.from(m.data as Float32Array)).toEqual([2, 5, 3]);
  });

  it('matches the dense sum of triplets (both sort paths), with many duplicates', () => {
    // nCols <= nnz + nRows takes the counting-sort path; a very wide matrix the per-row sort.
    for (const [nRows, nCols, nnz] of [
      [40, 30, 2000],
      [50, 1_000_000, 300],
      [1, 5, 100],
    ] as const) {
      const { r, c, v } = randomTriplets(`coo-${nCols}`, nRows, nCols, nnz);
      const m = csrFromCOO(nRows, nCols, r, c, v);
      for (let i = 0; i < nRows; i++) {
        for (let k = m.indptr[i] + 1; k < m.indptr[i + 1]; k++) expect(m.indices[k]).toBeGreaterThan(m.indices[k - 1]);
      }
      // Duplicates are summed in float64 (in sorted order) and rounded once to float32: within one float32
      // ulp (<= 2^-23 |sum|) of fround(exact sum), plus the float64 summation error gamma64(nnz) sum |v|
      // for each of the two float64 sums (Higham, Accuracy and Stability, 2nd ed., eq. 4.4).
      const bound = (sum: number, absSum: number) => 2 ** -23 * Math.abs(sum) + 2 * gamma64(nnz) * absSum;
      if (nRows * nCols <= 1e5) {
        const ref = denseFromCOO(nRows, nCols, r, c, v);
        const absRef = denseFromCOO(nRows, nCols, r, c, v.map(Math.abs));
        const got = denseOf(m);
        for (let q = 0; q < ref.length; q++) expect(Math.abs(got[q] - Math.fround(ref[q]))).toBeLessThanOrEqual(bound(ref[q], absRef[q]));
      } else {
        // Compare entry by entry via a map of the triplet sums.
        const sums = new Map<number, number>();
        const absSums = new Map<number, number>();
        for (let t = 0; t < nnz; t++) {
          const key = r[t] * nCols + c[t];
          sums.set(key, (sums.get(key) ?? 0) + v[t]);
          absSums.set(key, (absSums.get(key) ?? 0) + Math.abs(v[t]));
        }
        expect(m.indptr[nRows]).toBe(sums.size);
        for (let i = 0; i < nRows; i++) {
          for (let k = m.indptr[i]; k < m.indptr[i + 1]; k++) {
            const key = i * nCols + m.indices[k];
            expect(Math.abs((m.data as Float32Array)[k] - Math.fround(sums.get(key)!))).toBeLessThanOrEqual(
              bound(sums.get(key)!, absSums.get(key)!),
            );
          }
        }
      }
    }
  });

  it('without values: data is null, or counts when there are duplicates', () => {
    const a = csrFromCOO(2, 4, [1, 0, 1], [3, 2, 0]);
    expect(a.data).toBeNull();
    expect(Array.from(a.indptr)).toEqual([0, 1, 3]);
    expect(Array.from(a.indices)).toEqual([2, 0, 3]);
    const b = csrFromCOO(2, 4, [1, 1, 1, 0], [3, 3, 0, 1]);
    expect(Array.from(b.indices)).toEqual([1, 0, 3]);
    expect(Array.from(b.data as Float32Array)).toEqual([1, 1, 2]);
  });

  it('empty inputs', () => {
    const m = csrFromCOO(3, 2, [], []);
    expect(Array.from(m.indptr)).toEqual([0, 0, 0, 0]);
    expect(m.indices.length).toBe(0);
  });

  it('rejects out-of-range indices and length mismatches with TensorError', () => {
    expect(() => csrFromCOO(2, 2, [0, 2], [0, 0])).toThrow(TensorError);
    expect(() => csrFromCOO(2, 2, [0, 1], [0, -1])).toThrow(/cols\[1\]/);
    expect(() => csrFromCOO(2, 2, [0.5], [0])).toThrow(/rows\[0\]/);
    expect(() => csrFromCOO(2, 2, [0, 1], [0])).toThrow(/cols must have the same length/);
    expect(() => csrFromCOO(2, 2, [0, 1], [0, 1], [1])).toThrow(/values/);
    expect(() => csrFromCOO(2, 2, [0], [0], [NaN])).toThrow(/values\[0\]/);
    expect(() => csrFromCOO(-1, 2, [], [])).toThrow(/nRows/);
  });
});
