import { checkInt } from '../tensor-validators.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { poolMatMul } from './pool-mat-mul.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/** Options of {@link poolScores}. */
export interface PoolScoresOptions extends PoolKernelOptions {
  /** Vector dimension (row length of queries and items). */
  d: number;
  /** Cosine similarity instead of the dot product (a zero-norm row scores 0). */
  cosine?: boolean;
}

/**
 * Cleanup scoring: scores[q, i] = <queries_q, items_i> (or the cosine
 * <q, i> / (|q| |i|)) for row-major queries [nq, d] and items [ni, d];
 * returns [nq, ni] row-major. The products run as {@link poolMatMul} with the
 * items as the left operand (blocks of items per worker, the queries uploaded
 * once per worker), norms by blocks of rows in float64: the same result for
 * any worker count.
 */
export async function poolScores(
  pool: WorkerPool,
  queries: ArrayLike<number>,
  items: ArrayLike<number>,
  options: PoolScoresOptions,
): Promise<Float32Array> {
  const fn = 'poolScores';
  const d = checkInt(fn, 'd', options?.d, 1);
  checkArray(fn, 'queries', queries, d);
  checkArray(fn, 'items', items, d);
  const nq = queries.length / d;
  const ni = items.length / d;
  const inline = options.inline;
  const itemsShared = sharedFloat32(items, inline === true || pool.size === 0);
  const byItem = await poolMatMul(pool, itemsShared, queries, {
    m: ni,
    k: d,
    n: nq,
    transposeB: true,
    ...(inline === undefined ? {} : { inline }),
  });
  const out = new Float32Array(nq * ni);
  if (options.cosine === true) {
    const onThread = inline === true || pool.size === 0;
    const inorm = outputFloat32(ni, onThread);
    const qnorm = new Float32Array(nq);
    await runBlocks(
      pool,
      'rowNormsBlock',
      { x: itemsShared, out: inorm, rows: ni, cols: d },
      blockCount(ni * d, 1 << 16),
      onThread || ni * d < 1 << 20,
    );
    await runBlocks(pool, 'rowNormsBlock', { x: Float32Array.from(queries), out: qnorm, rows: nq, cols: d }, 1, true);
    for (let q = 0; q < nq; q++) {
      for (let i = 0; i < ni; i++) {
        const den = qnorm[q] * inorm[i];
        out[q * ni + i] = den > 0 ? byItem[i * nq + q] / den : 0;
      }
    }
    return out;
  }
  for (let q = 0; q < nq; q++) for (let i = 0; i < ni; i++) out[q * ni + i] = byItem[i * nq + q];
  return out;
}
