/**
 * Where a built-in pool kernel runs: on the calling thread (pool of size 0, or
 * work below the kernel's crossover) or on the pool's workers. Both run the same
 * block function on the same blocks, so the result is the same either way.
 * @internal
 */
import type { BlockArgs, BlockFunction } from './block-task.js';
import * as kernels from './block-kernels.js';
import { builtModuleUrl } from './built-module-url.js';
import type { WorkerPool } from './worker-pool.js';
import { isShared, sharedArray } from './worker-pool.js';

export type KernelName = Exclude<keyof typeof kernels, never>;

const KERNELS_URL = builtModuleUrl('block-kernels', import.meta.url);

/** Blocks for `units` of work: at least `minPerBlock` units per block, at most 24 blocks (a function of the shape only). */
export function blockCount(units: number, minPerBlock: number, maxBlocks = 24): number {
  return Math.max(1, Math.min(maxBlocks, Math.floor(units / minPerBlock)));
}

/** Run `fn` over `blocks` blocks: inline when `inline`, else on the pool. */
export async function runBlocks(pool: WorkerPool, fn: KernelName, args: BlockArgs, blocks: number, inline: boolean): Promise<void> {
  if (inline || pool.size === 0) {
    const f = kernels[fn] as BlockFunction;
    for (let b = 0; b < blocks; b++) await f(args, b, blocks);
    return;
  }
  await pool.run({ module: KERNELS_URL, fn, args, blocks });
}

/** `a` itself when already a Float32Array that can be used (shared, or staying on this thread), else a (shared) copy. */
export function sharedFloat32(a: ArrayLike<number>, onThread: boolean): Float32Array {
  if (a instanceof Float32Array && (onThread || isShared(a))) return a;
  const s = onThread ? new Float32Array(a.length) : sharedArray(Float32Array, a.length);
  s.set(a);
  return s;
}

/** As {@link sharedFloat32} for Int32Array. */
export function sharedInt32(a: ArrayLike<number>, onThread: boolean): Int32Array {
  if (a instanceof Int32Array && (onThread || isShared(a))) return a;
  const s = onThread ? new Int32Array(a.length) : sharedArray(Int32Array, a.length);
  s.set(a);
  return s;
}

/** A Float32Array output of `n` elements, shared unless it stays on this thread. */
export function outputFloat32(n: number, onThread: boolean): Float32Array {
  return onThread ? new Float32Array(n) : sharedArray(Float32Array, n);
}
