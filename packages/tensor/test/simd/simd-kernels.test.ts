/**
 * The SIMD loops on ordinary arrays give the bits of the scalar float64 loops
 * they replace: `dot`'s four partial sums, and the float64 row-order column
 * sums of `poolBundle` / the norms of `poolScores` (references written here as
 * plain loops).
 */
import { describe, expect, it } from 'vitest';
import { createRng, createWorkerPool, dot, poolBundle } from '../../src/index.js';
import { columnSums64, dotPartialSums, simdKernelsAvailable } from '../../src/simd/simd-kernels.js';

function normals(n: number, seed: number): Float32Array {
  return createRng(seed).normalArray(new Float32Array(n)) as Float32Array;
}

/** `dot` as specified: four float64 partial sums over i mod 4, (s0 + s1) + (s2 + s3), then the tail in order. */
function dotReference(a: Float32Array, b: Float32Array): number {
  const s = [0, 0, 0, 0];
  const body = a.length & ~3;
  for (let i = 0; i < body; i++) s[i & 3] += a[i] * b[i];
  let t = s[0] + s[1] + (s[2] + s[3]);
  for (let i = body; i < a.length; i++) t += a[i] * b[i];
  return t;
}

/** Column sums in float64, row order, rounded to float32 once. */
function columnSumsReference(x: Float32Array, cols: number): Float32Array {
  const rows = x.length / cols;
  const out = new Float32Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += x[i * cols + j];
    out[j] = s;
  }
  return out;
}

describe('SIMD loops on ordinary arrays', () => {
  it('run in Node 20 (WebAssembly SIMD)', () => {
    expect(simdKernelsAvailable()).toBe(true);
  });

  it('dot is bit-identical to its scalar definition, across chunk boundaries and tails', () => {
    for (const n of [128, 131, 1000, 8192, 8195, 20003]) {
      const a = normals(n, n);
      const b = normals(n, n + 1);
      expect(Object.is(dot(a, b), dotReference(a, b)), `n = ${n}`).toBe(true);
      expect(Object.is(dot(a, a), dotReference(a, a)), `n = ${n}, a·a`).toBe(true);
    }
    // a view at an odd offset of a larger buffer, and a float64 operand (scalar path)
    const big = normals(5001, 9);
    const v = big.subarray(1, 5001);
    const w = normals(5000, 10);
    expect(dot(v, w)).toBe(dotReference(v, w));
    expect(dot(Float64Array.from(v), w)).toBe(dotReference(v, w));
  });

  it('dotPartialSums holds the four lanes of the scalar loop', () => {
    const a = normals(4 * 3000, 3);
    const b = normals(4 * 3000, 4);
    const want = [0, 0, 0, 0];
    for (let i = 0; i < a.length; i++) want[i & 3] += a[i] * b[i];
    expect(Array.from(dotPartialSums(a, b, a.length)!)).toEqual(want);
  });

  it('column sums are bit-identical to float64 row-order sums, for any column block and tail', () => {
    for (const [rows, cols] of [
      [37, 132],
      [1000, 1024],
      [5, 8197],
      [300, 19],
    ]) {
      const x = normals(rows * cols, rows + cols);
      const want = columnSumsReference(x, cols);
      const out = new Float32Array(cols);
      expect(columnSums64(x, rows, cols, 0, cols, out)).toBe(true);
      expect(Array.from(out), `${rows}×${cols}`).toEqual(Array.from(want));
      // a column block [3, cols - 2): the other columns untouched
      const part = new Float32Array(cols).fill(7);
      columnSums64(x, rows, cols, 3, cols - 2, part);
      expect(Array.from(part.subarray(3, cols - 2))).toEqual(Array.from(want.subarray(3, cols - 2)));
      expect(part[0]).toBe(7);
      expect(part[cols - 1]).toBe(7);
    }
  });

  it('poolBundle on the calling thread is the float64 row-order sum', async () => {
    const pool = await createWorkerPool({ workers: 0 });
    const x = normals(200 * 1030, 5);
    expect(Array.from(await poolBundle(pool, x, { cols: 1030 }))).toEqual(Array.from(columnSumsReference(x, 1030)));
  });
});
