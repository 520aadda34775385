import { checkInt } from '../tensor-validators.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Below this many elements (rows × cols) a bundle stays on the calling thread.
 * Measured with `neurite-bench tensor` (case "pool crossover") on an idle 2-core
 * machine, cols = 1024: 2 workers / calling thread = 2.03 at 64 rows, 1.64 at
 * 128, 0.91 at 256 (0.55–0.77 at 1024); so the pool pays off from ~2^18 elements.
 */
export const BUNDLE_CROSSOVER = 1 << 18;

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
  const inline = options.inline ?? (pool.size === 0 || x.length < BUNDLE_CROSSOVER);
  const args = { x: sharedFloat32(x, inline), out: outputFloat32(cols, inline), rows, cols };
  // Every column sums its rows in row order whatever the column blocks, so the block count may follow the
  // pool: one contiguous sweep on the calling thread, two wide column blocks per worker (narrow blocks stride
  // through memory and run far below the bandwidth).
  await runBlocks(pool, 'columnSumsBlock', args, inline ? 1 : blockCount(cols, 256, 2 * pool.size), inline);
  return args.out;
}
