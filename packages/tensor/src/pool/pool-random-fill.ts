import { TensorError } from '../tensor-error.js';
import { checkFinite, checkInt, checkPositive, checkProb } from '../tensor-validators.js';
import { FILL_BLOCK } from './block-kernels.js';
import type { PoolKernelOptions } from './pool-options.js';
import { runBlocks } from './run-blocks.js';
import { isShared, type WorkerPool } from './worker-pool.js';

/** Below this many elements a fill stays on the calling thread (one block: nothing to split). */
export const FILL_CROSSOVER = 2 * FILL_BLOCK;

type FillArray = Float32Array | Float64Array;

function checkFill(fn: string, out: unknown, seed: unknown): string {
  if (!(out instanceof Float32Array || out instanceof Float64Array || (fn === 'poolBinomialFill' && out instanceof Int32Array))) {
    throw new TensorError('out', `${fn}: out must be a Float32Array or Float64Array${fn === 'poolBinomialFill' ? ' or Int32Array' : ''}`);
  }
  if (!(typeof seed === 'number' && Number.isSafeInteger(seed)) && typeof seed !== 'string' && typeof seed !== 'bigint') {
    throw new TensorError('seed', `${fn}: seed must be a safe integer, a bigint or a string, got ${String(seed)}`);
  }
  return `${typeof seed}:${String(seed)}`;
}

async function fill(
  pool: WorkerPool,
  fnName: 'normalFillBlock' | 'binomialFillBlock',
  out: ArrayBufferView & { length: number },
  args: Record<string, unknown>,
  options: PoolKernelOptions,
): Promise<void> {
  const blocks = Math.ceil(out.length / FILL_BLOCK);
  if (blocks === 0) return;
  const inline = options.inline ?? (pool.size === 0 || out.length < FILL_CROSSOVER);
  if (!inline && !isShared(out)) {
    throw new TensorError(
      'out',
      'pool fills write in place: out must be over a SharedArrayBuffer (sharedArray) to run on the workers, or pass { inline: true }',
    );
  }
  await runBlocks(pool, fnName, { out, ...args }, blocks, inline);
}

/**
 * Fill `out` with N(mean, std²) samples: element i comes from the generator
 * of its block of 2^18 elements, createRng(`<seed>/block <i >> 18>`), so the
 * values depend on the seed and the length only: the same for 0, 1, 2 or n
 * workers (but not the stream of createRng(seed).normalArray, which is
 * sequential). `out` must be a shared array (sharedArray) to be filled by
 * the workers. Returns `out`.
 */
export async function poolNormalFill<T extends FillArray>(
  pool: WorkerPool,
  seed: number | bigint | string,
  out: T,
  options: PoolKernelOptions & { mean?: number; std?: number } = {},
): Promise<T> {
  const fn = 'poolNormalFill';
  const s = checkFill(fn, out, seed);
  const mean = checkFinite(fn, 'mean', options.mean ?? 0);
  const std = checkPositive(fn, 'std', options.std ?? 1, true);
  await fill(pool, 'normalFillBlock', out, { seed: s, mean, std }, options);
  return out;
}

/** As {@link poolNormalFill} for Binomial(n, p) counts (rng.binomial per element, in index order within a block). */
export async function poolBinomialFill<T extends FillArray | Int32Array>(
  pool: WorkerPool,
  seed: number | bigint | string,
  out: T,
  n: number,
  p: number,
  options: PoolKernelOptions = {},
): Promise<T> {
  const fn = 'poolBinomialFill';
  const s = checkFill(fn, out, seed);
  checkInt(fn, 'n', n, 0);
  checkProb(fn, 'p', p);
  await fill(pool, 'binomialFillBlock', out, { seed: s, n, p }, options);
  return out;
}
