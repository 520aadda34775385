import { TensorError } from '../tensor-error.js';
import type { CSR } from '../sparse/csr.js';
import { checkCSR } from '../sparse/csr.js';
import { spmv } from '../sparse/spmv.js';
import type { PoolKernelOptions } from './pool-options.js';
import { blockCount, outputFloat32, runBlocks, sharedFloat32, sharedInt32 } from './run-blocks.js';
import type { WorkerPool } from './worker-pool.js';

/** Below this many stored entries an SpMV stays on the calling thread (~1 entry/ns on one core vs ~0.2 ms per pool task). */
export const SPMV_CROSSOVER = 1 << 19;

/**
 * Sparse matrix-vector product y = m x (as {@link spmv}: float64 per row,
 * rounded once) split over the workers by blocks of rows: the same result as
 * spmv for any worker count. The CSR arrays are copied into shared memory
 * unless they already are shared (build them with sharedArray to avoid it).
 */
export async function poolSpmv(pool: WorkerPool, m: CSR, x: ArrayLike<number>, options: PoolKernelOptions = {}): Promise<Float32Array> {
  const fn = 'poolSpmv';
  const nnz = checkCSR(fn, 'm', m);
  if (x == null || typeof x !== 'object' || x.length !== m.nCols) {
    throw new TensorError('x', `${fn}: x must be an array of length nCols = ${m.nCols}`, { code: 'ERR_SHAPE' });
  }
  const inline = options.inline ?? (pool.size === 0 || nnz < SPMV_CROSSOVER);
  if (inline) return spmv(m, x);
  for (let i = 0; i < m.nRows; i++) if (!(m.indptr[i] <= m.indptr[i + 1])) return spmv(m, x); // let spmv report the bad row
  const args = {
    indptr: sharedInt32(m.indptr, false),
    indices: sharedInt32(m.indices, false),
    data: m.data === null ? null : sharedFloat32(m.data, false),
    x: sharedFloat32(x, false),
    out: outputFloat32(m.nRows, false),
    nRows: m.nRows,
  };
  await runBlocks(pool, 'spmvRowsBlock', args, blockCount(m.nRows, 256), false);
  return args.out;
}
