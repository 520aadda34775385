import { checkInt } from '../tensor-validators.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Below this many elements (rows × cols) a bundle stays on the calling thread,
 * and also whenever cols ≤ {@link BUNDLE_WORKERS_MIN_COLS}. A pool task costs
 * ≈ 0.15–0.2 ms (the bench's "pool crossover" rows, idle machine), so the
 * workers need ≳ 0.4 ms of work: ≈ 2^18–2^19 elements at the float64 SIMD
 * loop's ≈ 1.4 ns/element (CPU time) with rows of more than 8192 columns.
 */
export const BUNDLE_CROSSOVER = 1 << 18;

/**
 * Rows of at most this many columns are bundled on the calling thread whatever
 * their number: they are copied into wasm memory a chunk of whole rows at a time
 * (one contiguous copy), while a column block has to be copied a short piece per
 * row. Measured (CPU time of all blocks on one thread, `dist` build): 4096 × 1024
 * 1.75 ms in one block, 4.1 ms in 2 column blocks, 5.2 ms in 4 — so 2 workers lose
 * at any row count (bench, idle: 1.2× slower at 1024 and 4096 rows); 1000 × 10000
 * (rows longer than the chunk, copied a piece per row anyway) 6.97 ms in one block,
 * 7.5 ms in 4.
 */
export const BUNDLE_WORKERS_MIN_COLS = 8192;

/** Options of {@link poolBundle}. */
export interface PoolBundleOptions extends PoolKernelOptions {
  /** Row length (the dimension D of the vectors). */
  cols: number;
}

/**
 * Bundle (sum of rows) of a row-major [rows, cols] matrix:
 * out[j] = sum_i x[i, j], accumulated in float64 in row order and rounded to
 * float32 once; split over the workers by blocks of columns, so each element
 * sums the same values in the same order for any worker count.
 */
export async function poolBundle(pool: WorkerPool, x: ArrayLike<number>, options: PoolBundleOptions): Promise<Float32Array> {
  const fn = 'poolBundle';
  const cols = checkInt(fn, 'cols', options?.cols, 1);
  checkArray(fn, 'x', x, cols);
  const rows = x.length / cols;
  const inline = options.inline ?? (pool.size === 0 || x.length < BUNDLE_CROSSOVER || cols <= BUNDLE_WORKERS_MIN_COLS);
  const args = { x: sharedFloat32(x, inline), out: outputFloat32(cols, inline), rows, cols };
  // Every column sums its rows in row order whatever the column blocks, so the block count may follow the
  // pool: one contiguous sweep on the calling thread, two wide column blocks per worker (narrow blocks stride
  // through memory and run far below the bandwidth).
  await runBlocks(pool, 'columnSumsBlock', args, inline ? 1 : blockCount(cols, 256, 2 * pool.size), inline);
  return args.out;
}
