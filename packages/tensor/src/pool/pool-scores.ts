import { checkInt } from '../tensor-validators.js';
import { checkArray } from './check-length.js';
import type { PoolKernelOptions } from './pool-options.js';
import { matMulOnWorkers, matMulStaysInline, poolMatMul } from './pool-mat-mul.js';
import { outputFloat32, runBlocks, sharedFloat32 } from './run-blocks.js';
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
 * and packed once per worker), the item norms in the same blocks (float64
 * partial sums, as `dot`): the same result for any worker count.
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
  const cosine = options.cosine === true;
  const onThread = inline === true || pool.size === 0;
  const itemsShared = sharedFloat32(items, onThread);
  // The product on the workers (as poolMatMul decides) computes the item norms in its own blocks, while the rows are in cache.
  const onWorkers = !onThread && !matMulStaysInline(pool, ni * d * nq, inline);
  let inorm: Float32Array | undefined;
  let byItem: Float32Array;
  const qnorm = new Float32Array(nq);
  // The query norms on the calling thread (one block: the same bits anywhere), while the workers multiply.
  const queryNorms = () => runBlocks(pool, 'rowNormsBlock', { x: sharedFloat32(queries, true), out: qnorm, rows: nq, cols: d }, 1, true);
  if (onWorkers) {
    inorm = cosine ? outputFloat32(ni, false) : undefined;
    const product = matMulOnWorkers(pool, itemsShared, queries, ni, d, nq, true, inorm ?? null);
    product.catch(() => {}); // handled below, after the norms: no unhandled-rejection report meanwhile
    if (cosine) await queryNorms();
    byItem = await product;
  } else {
    byItem = await poolMatMul(pool, itemsShared, queries, { m: ni, k: d, n: nq, transposeB: true, inline: true });
    if (cosine) await queryNorms();
  }
  const out = new Float32Array(nq * ni);
  if (cosine) {
    if (inorm === undefined) {
      inorm = outputFloat32(ni, true);
      await runBlocks(pool, 'rowNormsBlock', { x: itemsShared, out: inorm, rows: ni, cols: d }, 1, true);
    }
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
