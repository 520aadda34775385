import { TensorError } from '../tensor-error.js';
import { topK } from '../topk.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, runBlocks } from './run-blocks.js';
import { isShared, sharedArray, type WorkerPool } from './worker-pool.js';

/** Below this many values top-k stays on the calling thread (topK reads ~1 value/ns; a pool task costs ~0.2 ms). */
export const TOPK_CROSSOVER = 1 << 19;

/**
 * The k largest values with their indices, exactly as {@link topK} returns
 * them (value descending, ties to the lower index, NaN only to fill), with
 * the scan split over the workers: each block's top k are candidates (a true
 * top-k entry is always among its block's), and topK over the candidates in
 * index order picks the same k. The same result for any worker count.
 * `values` must be over a SharedArrayBuffer to be scanned by the workers (else it is scanned here).
 */
export async function poolTopK(
  pool: WorkerPool,
  values: Float32Array | Float64Array,
  k: number,
  options: PoolKernelOptions = {},
): Promise<{ values: Float64Array; indices: Int32Array }> {
  if (!(values instanceof Float32Array || values instanceof Float64Array)) {
    throw new TensorError('values', 'poolTopK: values must be a Float32Array or Float64Array');
  }
  const n = values.length;
  const inline = options.inline ?? (pool.size === 0 || n < TOPK_CROSSOVER || !isShared(values));
  if (inline || typeof k !== 'number' || !Number.isInteger(k) || k <= 0 || k > n) return topK(values, k); // topK checks k
  const blocks = blockCount(n, Math.max(4 * k, 1 << 14), 2 * pool.size);
  const args = {
    values,
    k,
    candValues: sharedArray(Float64Array, blocks * k),
    candIndices: sharedArray(Int32Array, blocks * k),
    counts: sharedArray(Int32Array, blocks),
  };
  await runBlocks(pool, 'topKBlock', args, blocks, false);
  // Candidates in index order (blocks are contiguous and ascending): sort each block's by index, concatenate.
  let total = 0;
  for (let b = 0; b < blocks; b++) total += args.counts[b];
  const candIdx = new Int32Array(total);
  const candVal = new Float64Array(total);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const idx = args.candIndices.slice(b * k, b * k + args.counts[b]).sort();
    const byIndex = new Map<number, number>();
    for (let i = 0; i < args.counts[b]; i++) byIndex.set(args.candIndices[b * k + i], args.candValues[b * k + i]);
    for (const i of idx) {
      candIdx[at] = i;
      candVal[at++] = byIndex.get(i)!;
    }
  }
  const r = topK(candVal, k);
  const indices = new Int32Array(k);
  for (let i = 0; i < k; i++) indices[i] = candIdx[r.indices[i]];
  return { values: r.values, indices };
}
