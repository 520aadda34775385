/** The worker-pool browser test's case: its sizes and the kernels run on both the page and the Node side. */
import type { WorkerPool } from '../../src/index.js';
import { createRng, poolBundle, poolConvolve, poolMatMul, poolNormalFill, poolRandomCSR, sharedArray } from '../../src/index.js';
import { fnv1a } from './fnv.js';

/** Sizes of the worker-pool browser test, shared by the page and the Node side. */
export const POOL_CASE = {
  rows: 160,
  n: 1024,
  bundleRows: 300,
  cols: 1024,
  // nCols p = 400 entries a row: blocks of 655 rows, 3 blocks
  csr: { nRows: 1500, nCols: 4000, p: 0.1, seed: 7 },
  normals: 600_000,
  normalsSeed: 3,
  // poolMatMul: 3 blocks of rows (n < 256), and 2 slabs of columns of bᵀ (n ≥ 256, m ≤ 4 n)
  matMulRows: { m: 200, k: 70, n: 90, transposeB: false },
  matMulCols: { m: 100, k: 64, n: 300, transposeB: true },
  // SimdArena with a helper thread: 78000 elements ≥ ARENA_BUNDLE_CROSSOVER, 4 column chunks
  arena: { rows: 300, cols: 260, seed: 9 },
} as const;

/** Float32 normals of `seed`, in shared memory (a page's pool) or a plain array. */
export function caseArray(n: number, seed: number, shared: boolean): Float32Array {
  const a = shared ? sharedArray(Float32Array, n) : new Float32Array(n);
  createRng(seed).normalArray(a);
  return a;
}

/**
 * The hashes of the case's pool kernels, the same computations on the page and in Node:
 * on `pool` (its blocks, or inline where `inline` says), poolMatMul on `matMulPool`'s workers.
 */
export async function poolCaseHashes(pool: WorkerPool, matMulPool: WorkerPool, shared: boolean, inline?: boolean) {
  const c = POOL_CASE;
  const opt = inline === undefined ? {} : { inline };
  const f = (n: number, seed: number) => caseArray(n, seed, shared);
  const mm = async (s: (typeof c)['matMulRows' | 'matMulCols'], seed: number) =>
    fnv1a(await poolMatMul(matMulPool, f(s.m * s.k, seed), f(s.k * s.n, seed + 1), { ...s, inline: false }));
  const convolve = fnv1a(await poolConvolve(pool, f(c.rows * c.n, 1), f(c.rows * c.n, 2), { n: c.n, ...opt }));
  const bundle = fnv1a(await poolBundle(pool, f(c.bundleRows * c.cols, 3), { cols: c.cols, ...opt }));
  const csr = await poolRandomCSR(pool, c.csr.nRows, c.csr.nCols, c.csr.p, c.csr.seed, { weight: { uniform: [-1, 2] }, ...opt });
  const normalsOut = shared ? sharedArray(Float64Array, c.normals) : new Float64Array(c.normals);
  const normals = fnv1a(await poolNormalFill(pool, c.normalsSeed, normalsOut, opt));
  return {
    convolve,
    bundle,
    csr: fnv1a(csr.indptr, csr.indices, csr.data),
    nnz: csr.indptr[csr.nRows],
    normals,
    matMulRows: await mm(c.matMulRows, 4),
    matMulCols: await mm(c.matMulCols, 6),
  };
}
