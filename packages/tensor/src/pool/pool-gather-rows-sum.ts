import type { CSR, DenseMatrix } from '../sparse/csr.js';
import { checkCSR, checkDense, checkRowList, isCSR } from '../sparse/csr.js';
import { gatherRowsSum } from '../sparse/gather-rows-sum.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32, sharedInt32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/** Below this many elements read (selected rows × nCols dense, selected nnz for CSR) the sum stays on the calling thread. */
export const GATHER_CROSSOVER = 1 << 20;

/**
 * Sum of selected rows, out[j] = sum_t m[rows[t], j], split over the workers.
 * Dense: by blocks of columns, each element summed in list order in float32 —
 * bit-identical to {@link gatherRowsSum}. CSR: the row list is cut into
 * blocks fixed by its length; each block's partial vector (float32, list
 * order) is computed by a worker and the partials are added in block order:
 * the same result for any worker count (it may differ from gatherRowsSum by
 * float32 rounding, since the additions are grouped differently).
 */
export async function poolGatherRowsSum(
  pool: WorkerPool,
  m: CSR | DenseMatrix,
  rows: ArrayLike<number>,
  options: PoolKernelOptions = {},
): Promise<Float32Array> {
  const fn = 'poolGatherRowsSum';
  checkRowList(fn, 'rows', rows);
  for (let t = 0; t < rows.length; t++) {
    const r = rows[t];
    if (!(r >>> 0 === r && r < m.nRows)) return gatherRowsSum(m, rows); // gatherRowsSum names the bad index
  }
  if (isCSR(m)) {
    checkCSR(fn, 'm', m);
    let work = 0;
    for (let t = 0; t < rows.length; t++) work += m.indptr[rows[t] + 1] - m.indptr[rows[t]];
    // Below the crossover the single-thread sum (whatever the pool); above it the block partials (whatever the pool size).
    if (options.inline === undefined && work < GATHER_CROSSOVER) return gatherRowsSum(m, rows);
    const inline = options.inline ?? pool.size === 0;
    const blocks = blockCount(rows.length, 16);
    const partial = outputFloat32(blocks * m.nCols, inline);
    const args = {
      indptr: sharedInt32(m.indptr, inline),
      indices: sharedInt32(m.indices, inline),
      data: m.data === null ? null : sharedFloat32(m.data, inline),
      rows: sharedInt32(rows, inline),
      partial,
      nCols: m.nCols,
    };
    await runBlocks(pool, 'csrRowsPartialBlock', args, blocks, inline);
    const out = new Float32Array(m.nCols);
    for (let b = 0; b < blocks; b++) {
      const p = partial.subarray(b * m.nCols, (b + 1) * m.nCols);
      for (let j = 0; j < m.nCols; j++) out[j] += p[j];
    }
    return out;
  }
  checkDense(fn, 'm', m);
  const inline = options.inline ?? (pool.size === 0 || rows.length * m.nCols < GATHER_CROSSOVER);
  const args = {
    data: sharedFloat32(m.data, inline),
    rows: sharedInt32(rows, inline),
    out: outputFloat32(m.nCols, inline),
    nCols: m.nCols,
  };
  // Each column sums in list order whatever the column blocks: one sweep inline, two wide blocks per worker.
  await runBlocks(pool, 'denseRowsSumBlock', args, inline ? 1 : blockCount(m.nCols, 256, 2 * pool.size), inline);
  return args.out;
}
