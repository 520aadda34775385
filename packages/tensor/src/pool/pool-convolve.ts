import { checkInt } from '../tensor-validators.js';
import { TensorError } from '../tensor-error.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Below this many elements (rows × n) a batched convolution stays on the
 * calling thread. Measured with `neurite-bench tensor` (case "pool crossover") on
 * an idle 2-core machine, n = 1024: 2 workers / calling thread = 1.16 at 64 rows,
 * 0.91 at 128, 0.64 at 256; so the pool pays off from ~2^17 elements.
 */
export const CONVOLVE_CROSSOVER = 1 << 17;

/** Options of {@link poolConvolve}. */
export interface PoolConvolveOptions extends PoolKernelOptions {
  /** Signal length (row length of a, b and the result). */
  n: number;
  /** Circular correlation (unbind) instead of convolution (bind). */
  correlate?: boolean;
}

/**
 * Batched circular convolution (HRR bind) or correlation (unbind) of rows of
 * length n, split over the pool's workers by blocks of rows:
 *
 *   out[r][t] = sum_s a_r[s] b_r[(t - s) mod n]          (convolution)
 *   out[r][t] = sum_s a_r[s] b_r[(s + t) mod n]          (correlate)
 *
 * `a` and `b` are row-major [rows, n] or a single row of length n used for
 * every row. Computed by realFftPlan(n).convolve (float64, rounded to float32
 * once), each row independently: the result is the same for any worker count.
 * @throws TensorError when a length is not n or rows × n.
 */
export async function poolConvolve(
  pool: WorkerPool,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PoolConvolveOptions,
): Promise<Float32Array> {
  const fn = 'poolConvolve';
  const n = checkInt(fn, 'n', options?.n, 1);
  checkArray(fn, 'a', a, n);
  checkArray(fn, 'b', b, n);
  const aRows = a.length / n;
  const bRows = b.length / n;
  const rows = Math.max(aRows, bRows);
  if ((aRows !== 1 && aRows !== rows) || (bRows !== 1 && bRows !== rows)) {
    throw new TensorError('b', `${fn}: a has ${aRows} rows and b ${bRows}; they must match or one must have 1 row`, { code: 'ERR_SHAPE' });
  }
  const inline = options.inline ?? (pool.size === 0 || rows * n < CONVOLVE_CROSSOVER);
  const args = {
    a: sharedFloat32(a, inline),
    b: sharedFloat32(b, inline),
    out: outputFloat32(rows * n, inline),
    rows,
    n,
    correlate: options.correlate === true,
    aRows,
    bRows,
  };
  await runBlocks(pool, 'convolveRowsBlock', args, blockCount(rows, 1), inline);
  return args.out;
}
