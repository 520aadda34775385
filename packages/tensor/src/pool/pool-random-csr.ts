import type { CSR } from '../sparse/csr.js';
import { TensorError } from '../tensor-error.js';
import { checkFinite, checkInt, checkPositive, checkProb } from '../tensor-validators.js';
import * as kernels from './block-kernels.js';
import type { PoolKernelOptions } from './pool-options.js';
import { runBlocks } from './run-blocks.js';
import { sharedArray, type WorkerPool } from './worker-pool.js';

/** Expected stored entries per block: a block's rows are fixed by the shape and p alone. @internal */
const RANDOM_CSR_BLOCK = 1 << 18;
/** Below this many expected entries (nRows · nCols · p) the matrix is drawn on the calling thread. */
export const RANDOM_CSR_CROSSOVER = 1 << 20;

const MAX_NNZ = 2147483647;

/** Options of {@link poolRandomCSR}. */
export interface PoolRandomCSROptions extends PoolKernelOptions {
  /**
   * Value of every stored entry: a constant (default 1), `{ uniform: [lo, hi] }`
   * (lo + (hi − lo) u, u uniform in [0, 1)) or `{ normal: [mean, std] }`, drawn per
   * block after its structure (so the connectivity does not depend on the weights).
   */
  weight?: number | { uniform: [number, number] } | { normal: [number, number] };
  /** Return `data = null` (every stored value 1). Default false. */
  pattern?: boolean;
}

/**
 * A random nRows × nCols matrix whose entries are independently present with
 * probability p (as {@link randomCSR}: geometric skipping within each row, O(nnz + nRows)),
 * drawn by the pool's workers. The rows are cut into blocks of ⌊2^18 / (nCols p)⌋ rows
 * (at least 1), block b drawn from its own generator createRng(`<typeof seed>:<seed>/rows <b>`):
 * the matrix depends on (nRows, nCols, p, seed, weight) only, so it is the same for 0, 1, 2 or
 * n workers (it is not the matrix randomCSR draws from createRng(seed), whose stream is
 * sequential). The blocks write into a shared scratch sized from each block's expected count
 * plus 6 standard deviations; the calling thread then packs `indptr`, `indices` and `data`
 * (peak memory about twice the result's for a moment).
 * @example
 * ```ts
 * import { createWorkerPool, poolRandomCSR } from '@neurite/tensor';
 * const pool = await createWorkerPool();
 * const C = await poolRandomCSR(pool, 2000, 2000, 0.01, 42, { weight: { normal: [0, 0.1] } });
 * console.log(C.indptr[2000]); // ≈ 40 000 stored entries
 * await pool.terminate();
 * ```
 * @throws TensorError for p outside [0, 1], non-integer sizes, an expected nnz beyond 2^31 − 1,
 *   a bad seed or weight, or `pattern` with a weight.
 */
export function poolRandomCSR(
  pool: WorkerPool,
  nRows: number,
  nCols: number,
  p: number,
  seed: number | bigint | string,
  options: PoolRandomCSROptions = {},
): Promise<CSR> {
  return drawRandomCsr(pool, nRows, nCols, p, seed, options, 6);
}

/**
 * poolRandomCSR with block capacities of mean + `sigmas` standard deviations
 * + 16 (tests pass a negative `sigmas` to exercise the redraw of a full block).
 * @internal
 */
export async function drawRandomCsr(
  pool: WorkerPool,
  nRows: number,
  nCols: number,
  p: number,
  seed: number | bigint | string,
  options: PoolRandomCSROptions,
  sigmas: number,
): Promise<CSR> {
  const fn = 'poolRandomCSR';
  checkInt(fn, 'nRows', nRows, 0, 2147483646);
  checkInt(fn, 'nCols', nCols, 0, 2147483647);
  checkProb(fn, 'p', p);
  if (!(typeof seed === 'number' && Number.isSafeInteger(seed)) && typeof seed !== 'string' && typeof seed !== 'bigint') {
    throw new TensorError('seed', `${fn}: seed must be a safe integer, a bigint or a string, got ${String(seed)}`);
  }
  const pattern = options.pattern === true;
  const w = options.weight;
  if (pattern && w !== undefined) throw new TensorError('options.weight', `${fn}: a pattern matrix (pattern: true) has no weights`);
  let weight: 'constant' | 'uniform' | 'normal' = 'constant';
  let w0 = 1;
  let w1 = 0;
  if (typeof w === 'number') w0 = checkFinite(fn, 'options.weight', w);
  else if (w !== undefined && 'uniform' in w && Array.isArray(w.uniform)) {
    weight = 'uniform';
    w0 = checkFinite(fn, 'options.weight.uniform[0]', w.uniform[0]);
    w1 = checkFinite(fn, 'options.weight.uniform[1]', w.uniform[1]);
  } else if (w !== undefined && 'normal' in w && Array.isArray(w.normal)) {
    weight = 'normal';
    w0 = checkFinite(fn, 'options.weight.normal[0]', w.normal[0]);
    w1 = checkPositive(fn, 'options.weight.normal[1]', w.normal[1], true);
  } else if (w !== undefined) {
    throw new TensorError('options.weight', `${fn}: options.weight must be a number, { uniform: [lo, hi] } or { normal: [mean, std] }`);
  }
  const mean = nRows * nCols * p;
  if (mean - 6 * Math.sqrt(mean * (1 - p)) > MAX_NNZ) {
    throw new TensorError('p', `${fn}: expected nnz = nRows*nCols*p = ${mean} exceeds 2^31 - 1 (int32 indices)`);
  }
  const perRow = nCols * p;
  const blockRows = Math.max(1, Math.min(nRows, Math.floor(RANDOM_CSR_BLOCK / Math.max(perRow, 1))));
  const blocks = nRows === 0 ? 0 : Math.ceil(nRows / blockRows);
  const inline = options.inline ?? (pool.size === 0 || mean < RANDOM_CSR_CROSSOVER);
  const capOf = (rows: number) => {
    const m = rows * perRow;
    return Math.max(0, Math.min(rows * nCols, Math.ceil(m + sigmas * Math.sqrt(m * (1 - p)) + 16)));
  };
  const offsets = new Float64Array(blocks);
  const caps = new Float64Array(blocks);
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    offsets[b] = total;
    caps[b] = capOf(Math.min(nRows, (b + 1) * blockRows) - b * blockRows);
    total += caps[b];
  }
  if (total > MAX_NNZ) total = MAX_NNZ; // a block that would pass the end reports an overflow and is redrawn below
  for (let b = 0; b < blocks; b++) caps[b] = Math.max(0, Math.min(caps[b], total - offsets[b]));
  const i32 = (n: number) => (inline ? new Int32Array(n) : sharedArray(Int32Array, n));
  const f32 = (n: number) => (inline ? new Float32Array(n) : sharedArray(Float32Array, n));
  const args = {
    nRows,
    nCols,
    p,
    seed: `${typeof seed}:${String(seed)}`,
    blockRows,
    offsets,
    caps,
    indices: i32(total),
    data: pattern ? null : f32(total),
    rowCounts: i32(nRows),
    counts: inline ? new Float64Array(blocks) : sharedArray(Float64Array, blocks),
    weight,
    w0,
    w1,
  };
  await runBlocks(pool, 'randomCsrRowsBlock', args, blocks, inline);

  const indptr = new Int32Array(nRows + 1);
  for (let i = 0; i < nRows; i++) indptr[i + 1] = indptr[i] + args.rowCounts[i];
  // A block past its 6-sigma capacity (probability < 1e-9 each) is drawn again here with room: same generator, same rows.
  const redrawn = new Map<number, { indices: Int32Array; data: Float32Array | null }>();
  for (let b = 0; b < blocks; b++) {
    if (args.counts[b] >= 0) continue;
    const rows = Math.min(nRows, (b + 1) * blockRows) - b * blockRows;
    for (let cap = Math.max(16, 2 * caps[b]); ; cap = Math.min(rows * nCols, 2 * cap)) {
      const one = {
        ...args,
        offsets: new Float64Array(blocks),
        caps: new Float64Array(blocks).fill(cap),
        indices: new Int32Array(cap),
        data: pattern ? null : new Float32Array(cap),
      };
      kernels.randomCsrRowsBlock(one, b);
      if (args.counts[b] >= 0) {
        redrawn.set(b, { indices: one.indices, data: one.data });
        break;
      }
    }
    const r0 = b * blockRows;
    for (let i = r0; i < nRows; i++) indptr[i + 1] = indptr[i] + args.rowCounts[i];
  }
  const nnz = indptr[nRows];
  if (nnz > MAX_NNZ) throw new TensorError('p', `${fn}: nnz exceeds 2^31 - 1 (int32 indices)`);
  const indices = new Int32Array(nnz);
  const data = pattern ? null : new Float32Array(nnz);
  for (let b = 0; b < blocks; b++) {
    const at = indptr[b * blockRows];
    const count = args.counts[b];
    const src = redrawn.get(b);
    const from = src === undefined ? offsets[b] : 0;
    indices.set((src?.indices ?? args.indices).subarray(from, from + count), at);
    if (data !== null) data.set((src?.data ?? args.data!).subarray(from, from + count), at);
  }
  return { nRows, nCols, indptr, indices, data };
}
