import * as tf from '@tensorflow/tfjs-core';
import { checkInt } from '../tensor-validators.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, sharedFloat32 } from './run-blocks.js';
import { builtModuleUrl } from './built-module-url.js';
import type { WorkerPool } from './worker-pool.js';

/**
 * Below this many multiply-adds (m × k × n) a product stays on the calling
 * thread's tfjs backend. On 2 workers a product costs about half the calling
 * thread's time (XNNPACK ≈ 0.2 ns a multiply-add here, CPU time) plus a pool
 * task (≈ 0.17 ms idle) plus each worker's copy of its share of b into its own
 * wasm heap and XNNPACK's packing of it (≈ 5 ns an element of b): at 128³
 * (2^21) 0.41 ms on the calling thread against ≈ 0.45 ms on 2 workers, at
 * 2^22 (≈ 161³) 0.8 against ≈ 0.7 ms; so the pool pays off from 2^22.
 */
export const MATMUL_CROSSOVER = 1 << 22;

const MAT_MUL_URL = builtModuleUrl('mat-mul-block', import.meta.url);
let taskKey = 0;

/** Options of {@link poolMatMul}. */
export interface PoolMatMulOptions extends PoolKernelOptions {
  /** Rows of a and of the result. */
  m: number;
  /** Columns of a = rows of op(b). */
  k: number;
  /** Columns of the result. */
  n: number;
  /** b is stored [n, k] and used transposed: out = a bᵀ. */
  transposeB?: boolean;
}

/**
 * Matrix product out = a · op(b) of row-major float32 matrices, a [m, k],
 * op(b) [k, n], out [m, n]. On the workers: blocks of rows of `a` or of
 * columns of op(b) (fixed by the shape alone), each multiplied by XNNPACK in
 * the worker's own tfjs wasm backend, so the result is the same for any
 * worker count. On the calling thread (pool of
 * size 0, `inline`, or below {@link MATMUL_CROSSOVER}): tf.matMul on the active
 * backend (whose rounding may differ in the last bits).
 */
export async function poolMatMul(
  pool: WorkerPool,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PoolMatMulOptions,
): Promise<Float32Array> {
  const fn = 'poolMatMul';
  const m = checkInt(fn, 'm', options?.m, 1);
  const k = checkInt(fn, 'k', options.k, 1);
  const n = checkInt(fn, 'n', options.n, 1);
  checkArray(fn, 'a', a, 1, m * k);
  checkArray(fn, 'b', b, 1, k * n);
  const transposeB = options.transposeB === true;
  if (matMulStaysInline(pool, m * k * n, options.inline)) {
    const c = tf.tidy(() =>
      tf.matMul(
        tf.tensor2d(Float32Array.from(a), [m, k]),
        tf.tensor2d(Float32Array.from(b), transposeB ? [n, k] : [k, n]),
        false,
        transposeB,
      ),
    );
    const out = (await c.data()) as Float32Array;
    c.dispose();
    return out;
  }
  return matMulOnWorkers(pool, a, b, m, k, n, transposeB);
}

/**
 * Whether {@link poolMatMul} multiplies on the calling thread: `inline` when
 * given, else a pool of no worker or fewer than {@link MATMUL_CROSSOVER}
 * multiply-adds.
 * @internal
 */
export function matMulStaysInline(pool: WorkerPool, multiplyAdds: number, inline: boolean | undefined): boolean {
  return inline ?? (pool.size === 0 || multiplyAdds < MATMUL_CROSSOVER);
}

/**
 * How the workers split a product (a function of the shape alone, so the
 * result is the same for any worker count). By blocks of rows of a, every
 * worker uploads and packs the whole of b (≈ 5 ms per million elements of b
 * here, repeated by each worker: work that does not shrink with more
 * workers); by blocks of columns of op(b), every worker uploads the whole of a
 * (a plain copy, ≈ 0.65 ms per million elements) and packs only its own slabs
 * of b, which also stay in the core's L2 cache while a streams past them.
 * Columns when m ≤ 4 n (a's copy then costs less than b's packing) and there
 * are at least two slabs of 128 columns.
 * @internal
 */
export function splitsByColumns(m: number, n: number): boolean {
  return n >= 256 && m <= 4 * n;
}

/**
 * The workers' half of {@link poolMatMul}: blocks of ~64 rows of `a` or of ~64
 * columns of op(b) (see {@link splitsByColumns}), XNNPACK per worker. With `aNorms` (shared, m elements) the norms of a's rows are computed in
 * the same blocks (see matMulBlock).
 * @internal
 */
export async function matMulOnWorkers(
  pool: WorkerPool,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
  transposeB: boolean,
  aNorms: Float32Array | null = null,
): Promise<Float32Array> {
  const args = {
    a: sharedFloat32(a, false),
    b: sharedFloat32(b, false),
    out: outputFloat32(m * n, false),
    m,
    k,
    n,
    transposeB,
    key: `${++taskKey}:${Math.random()}`,
    aNorms,
  };
  if (aNorms === null && splitsByColumns(m, n)) {
    // ~128 columns per block (XNNPACK runs narrower slabs ~7 % slower): each worker uploads a once and packs only its slabs of b.
    await pool.run({ module: MAT_MUL_URL, fn: 'matMulColsBlock', args, blocks: blockCount(n, 128, 24) });
  } else {
    // ~64 rows per block: large enough for XNNPACK's tiles, enough blocks to balance 2–3 workers; an even
    // count, so that 2 workers get equal shares (15 blocks would leave one worker a whole block longer).
    const blocks = blockCount(m, 64, 32);
    await pool.run({ module: MAT_MUL_URL, fn: 'matMulBlock', args, blocks: blocks > 1 ? blocks + (blocks & 1) : 1 });
  }
  return args.out;
}
