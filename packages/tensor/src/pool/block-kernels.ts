/**
 * The block functions of the worker pool's built-in JavaScript kernels. Each
 * computes one block of its task from shared inputs into its own slice of the
 * shared output, with the same arithmetic as the single-thread function it
 * splits, so a block's result does not depend on which thread ran it.
 * Workers import this module by URL; the calling thread imports it directly
 * for work below the crossover.
 * @internal
 */
import { realFftPlan } from '../fft/real-fft-plan.js';
import { createRng } from '../rng/create-rng.js';
import { geometricSampler } from '../rng/geometric-sampler.js';
import { columnSums64, dotPartialSums } from '../simd/simd-kernels.js';
import { topK } from '../topk.js';
import type { BlockArgs } from './block-task.js';
import { blockRange } from './block-task.js';

/**
 * Rows of a circular convolution (bind) or correlation (unbind) of length n:
 * args { a, b, out: Float32Array, rows, n, correlate, aRows, bRows } where an
 * operand with 1 row is used for every row. Same as realFftPlan(n).convolve on
 * the block's rows (float64 arithmetic, rounded to float32 once).
 */
export function convolveRowsBlock(args: BlockArgs, block: number, blocks: number): void {
  const { a, b, out, rows, n, correlate, aRows, bRows } = args as {
    a: Float32Array;
    b: Float32Array;
    out: Float32Array;
    rows: number;
    n: number;
    correlate: boolean;
    aRows: number;
    bRows: number;
  };
  const [r0, r1] = blockRange(rows, block, blocks);
  if (r1 <= r0) return;
  const sa = aRows === 1 ? a : a.subarray(r0 * n, r1 * n);
  const sb = bRows === 1 ? b : b.subarray(r0 * n, r1 * n);
  realFftPlan(n).convolve(sa, sb, out.subarray(r0 * n, r1 * n), correlate);
}

/**
 * Column sums (bundle) over a column block: out[j] = sum_i x[i * cols + j],
 * args { x, out, rows, cols }, accumulated in float64 in row order and rounded
 * to float32 once. The block is a range of columns, so every output element
 * sums the same values in the same order whatever the partition. Runs as a
 * WebAssembly SIMD loop (float64 lanes, the same additions) where available.
 */
export function columnSumsBlock(args: BlockArgs, block: number, blocks: number): void {
  const { x, out, rows, cols } = args as { x: Float32Array; out: Float32Array; rows: number; cols: number };
  const [c0, c1] = blockRange(cols, block, blocks);
  const w = c1 - c0;
  if (w <= 0) return;
  if (w >= 16 && columnSums64(x, rows, cols, c0, c1, out)) return;
  const acc = new Float64Array(w);
  for (let i = 0; i < rows; i++) {
    const base = i * cols + c0;
    for (let j = 0; j < w; j++) acc[j] += x[base + j];
  }
  for (let j = 0; j < w; j++) out[c0 + j] = acc[j];
}

/**
 * SpMV rows: y[i] = sum_k data[k] x[indices[k]] over row i's entries, for the
 * block's rows; args { indptr, indices, data (or null), x, out, nRows }. Same
 * loop as spmv (float64 accumulation per row).
 */
export function spmvRowsBlock(args: BlockArgs, block: number, blocks: number): void {
  const { indptr, indices, data, x, out, nRows } = args as {
    indptr: Int32Array;
    indices: Int32Array;
    data: Float32Array | null;
    x: Float32Array;
    out: Float32Array;
    nRows: number;
  };
  const [r0, r1] = blockRange(nRows, block, blocks);
  for (let i = r0; i < r1; i++) {
    const end = indptr[i + 1];
    let s = 0;
    let k = indptr[i];
    if (data === null) for (; k < end; k++) s += x[indices[k]];
    else for (; k < end; k++) s += data[k] * x[indices[k]];
    out[i] = s;
  }
}

/**
 * Partial sums of selected CSR rows: block `block` of the row list adds its
 * rows (in list order, float32 as gatherRowsSum) into partial[block * nCols …];
 * args { indptr, indices, data (or null), rows: Int32Array, partial, nCols }.
 * The caller adds the partial vectors in block order.
 */
export function csrRowsPartialBlock(args: BlockArgs, block: number, blocks: number): void {
  const { indptr, indices, data, rows, partial, nCols } = args as {
    indptr: Int32Array;
    indices: Int32Array;
    data: Float32Array | null;
    rows: Int32Array;
    partial: Float32Array;
    nCols: number;
  };
  const [t0, t1] = blockRange(rows.length, block, blocks);
  const y = partial.subarray(block * nCols, (block + 1) * nCols);
  y.fill(0);
  for (let t = t0; t < t1; t++) {
    const r = rows[t];
    const end = indptr[r + 1];
    if (data === null) for (let k = indptr[r]; k < end; k++) y[indices[k]] += 1;
    else for (let k = indptr[r]; k < end; k++) y[indices[k]] += data[k];
  }
}

/**
 * Sum of selected rows of a dense row-major matrix over a column block:
 * out[j] = sum_t m[rows[t], j] in list order, rounded as gatherRowsSum rounds;
 * args { data, rows: Int32Array, out, nCols }.
 */
export function denseRowsSumBlock(args: BlockArgs, block: number, blocks: number): void {
  const { data, rows, out, nCols } = args as { data: Float32Array; rows: Int32Array; out: Float32Array; nCols: number };
  const [c0, c1] = blockRange(nCols, block, blocks);
  const y = out.subarray(c0, c1);
  y.fill(0);
  const w = c1 - c0;
  // Two rows per sweep, each pair added in double and stored as float32, exactly as gatherRowsSum does.
  let t = 0;
  for (; t + 1 < rows.length; t += 2) {
    const b0 = rows[t] * nCols + c0;
    const b1 = rows[t + 1] * nCols + c0;
    for (let j = 0; j < w; j++) y[j] = y[j] + data[b0 + j] + data[b1 + j];
  }
  if (t < rows.length) {
    const b0 = rows[t] * nCols + c0;
    for (let j = 0; j < w; j++) y[j] += data[b0 + j];
  }
}

/**
 * Euclidean norms of rows r0 … r1 − 1 of the row-major [rows, cols] `x` into
 * out[r]: |x_r|² summed as `dot(x_r, x_r)` sums (four float64 partial sums over
 * j mod 4, (s0 + s1) + (s2 + s3), then the tail), square root rounded to
 * float32 once; SIMD where available, the same bits either way.
 * @internal
 */
export function rowNormsRange(x: Float32Array, cols: number, r0: number, r1: number, out: Float32Array): void {
  const body = cols & ~3;
  for (let i = r0; i < r1; i++) {
    const base = i * cols;
    const row = x.subarray(base, base + cols);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    const p = cols >= 128 ? dotPartialSums(row, row, body) : null;
    if (p !== null) {
      s0 = p[0];
      s1 = p[1];
      s2 = p[2];
      s3 = p[3];
      j = body;
    }
    for (; j < body; j += 4) {
      s0 += row[j] * row[j];
      s1 += row[j + 1] * row[j + 1];
      s2 += row[j + 2] * row[j + 2];
      s3 += row[j + 3] * row[j + 3];
    }
    let s = s0 + s1 + (s2 + s3);
    for (; j < cols; j++) s += row[j] * row[j];
    out[i] = Math.sqrt(s);
  }
}

/** Euclidean norms of a block of rows (see rowNormsRange), args { x, out, rows, cols }. */
export function rowNormsBlock(args: BlockArgs, block: number, blocks: number): void {
  const { x, out, rows, cols } = args as { x: Float32Array; out: Float32Array; rows: number; cols: number };
  const [r0, r1] = blockRange(rows, block, blocks);
  rowNormsRange(x, cols, r0, r1, out);
}

/** Elements per block of the random fills: fixed, so the stream of each element never depends on the worker count. */
export const FILL_BLOCK = 1 << 18;

/** The seed of block `block` of a fill seeded with `seed`. */
export function fillBlockSeed(seed: string, block: number): string {
  return `${seed}/block ${block}`;
}

/**
 * Normal fill of one block of FILL_BLOCK elements: out[i] ~ N(mean, std²)
 * from createRng(fillBlockSeed(seed, block)).normalArray;
 * args { out, seed (string), mean, std }.
 */
export function normalFillBlock(args: BlockArgs, block: number): void {
  const { out, seed, mean, std } = args as { out: Float32Array | Float64Array; seed: string; mean: number; std: number };
  const start = block * FILL_BLOCK;
  createRng(fillBlockSeed(seed, block)).normalArray(out.subarray(start, Math.min(out.length, start + FILL_BLOCK)), mean, std);
}

/**
 * Binomial fill of one block: out[i] ~ Binomial(n, p) from
 * createRng(fillBlockSeed(seed, block)).binomial, in index order;
 * args { out, seed, n, p }.
 */
export function binomialFillBlock(args: BlockArgs, block: number): void {
  const { out, seed, n, p } = args as { out: Float32Array | Float64Array | Int32Array; seed: string; n: number; p: number };
  const rng = createRng(fillBlockSeed(seed, block));
  const end = Math.min(out.length, (block + 1) * FILL_BLOCK);
  for (let i = block * FILL_BLOCK; i < end; i++) out[i] = rng.binomial(n, p);
}

/**
 * Top-k candidates of one block of `values`: topK of the block's slice
 * (k' = min(k, block length)), written to candValues / candIndices from
 * block * k (indices made global) and the count to counts[block];
 * args { values, k, candValues: Float64Array, candIndices: Int32Array, counts: Int32Array }.
 */
export function topKBlock(args: BlockArgs, block: number, blocks: number): void {
  const { values, k, candValues, candIndices, counts } = args as {
    values: Float32Array | Float64Array;
    k: number;
    candValues: Float64Array;
    candIndices: Int32Array;
    counts: Int32Array;
  };
  const [s, e] = blockRange(values.length, block, blocks);
  const r = topK(values.subarray(s, e), Math.min(k, e - s));
  candValues.set(r.values, block * k);
  for (let i = 0; i < r.indices.length; i++) candIndices[block * k + i] = r.indices[i] + s;
  counts[block] = r.indices.length;
}

/**
 * Rows of one block of a random CSR matrix (see poolRandomCSR): rows
 * [block * blockRows, …) drawn by geometric skipping from
 * createRng(`<seed>/rows <block>`), as randomCSR draws them, into
 * indices[offsets[block] …] (at most caps[block] entries), each row's count in
 * rowCounts[row] and the block's count in counts[block] (-1 when caps[block]
 * was too small: nothing else is meaningful then). Weights follow the
 * structure from the same generator: `weight` 'uniform' draws lo + (hi − lo) u,
 * 'normal' mean + std z, 'constant' writes lo; `data` null for a pattern.
 * args { nRows, nCols, p, seed, blockRows, offsets: Float64Array, caps: Float64Array,
 * indices: Int32Array, data: Float32Array | null, rowCounts: Int32Array, counts: Float64Array,
 * weight: 'constant' | 'uniform' | 'normal', w0, w1 }.
 */
export function randomCsrRowsBlock(args: BlockArgs, block: number): void {
  const { nRows, nCols, p, seed, blockRows, offsets, caps, indices, data, rowCounts, counts, weight, w0, w1 } = args as {
    nRows: number;
    nCols: number;
    p: number;
    seed: string;
    blockRows: number;
    offsets: Float64Array;
    caps: Float64Array;
    indices: Int32Array;
    data: Float32Array | null;
    rowCounts: Int32Array;
    counts: Float64Array;
    weight: 'constant' | 'uniform' | 'normal';
    w0: number;
    w1: number;
  };
  const rng = createRng(`${seed}/rows ${block}`);
  const r0 = block * blockRows;
  const r1 = Math.min(nRows, r0 + blockRows);
  const off = offsets[block];
  const cap = caps[block];
  let k = 0;
  if (p === 1) {
    if ((r1 - r0) * nCols > cap) {
      counts[block] = -1;
      return;
    }
    for (let i = r0; i < r1; i++) {
      for (let j = 0; j < nCols; j++) indices[off + k++] = j;
      rowCounts[i] = nCols;
    }
  } else if (p > 0 && nCols > 0) {
    const g = geometricSampler(p, rng);
    for (let i = r0; i < r1; i++) {
      const start = k;
      for (let j = -1; ;) {
        j += 1 + g(nCols - j);
        if (j >= nCols) break;
        if (k === cap) {
          counts[block] = -1;
          return;
        }
        indices[off + k++] = j;
      }
      rowCounts[i] = k - start;
    }
  }
  counts[block] = k;
  if (data === null) return;
  if (weight === 'uniform') for (let q = 0; q < k; q++) data[off + q] = w0 + (w1 - w0) * rng.uniform();
  else if (weight === 'normal') for (let q = 0; q < k; q++) data[off + q] = w0 + w1 * rng.normal();
  else data.fill(w0, off, off + k);
}
