/**
 * The browser side of the worker-pool test: bundled like a user's app, with
 * the pool's worker script and block kernels served beside the bundle
 * (/pool-worker.js, /block-kernels.js). In a crossOriginIsolated page it runs
 * pool kernels on 2 Web Workers and publishes `window.__pool`; in a page that
 * is not isolated it reports what the pool does there.
 */
import {
  canShareMemory,
  createRng,
  createSimdArena,
  createWorkerPool,
  poolBundle,
  poolConvolve,
  poolMatMul,
  poolNormalFill,
  poolRandomCSR,
  sharedArray,
} from '../../src/index.js';
import { POOL_CASE } from './worker-pool-case.js';
import { fnv1a } from './fnv.js';

export type PoolPageResult =
  | {
      isolated: true;
      size: number;
      convolve: number;
      bundle: number;
      csr: number;
      nnz: number;
      normals: number;
      matMulRows: number;
      matMulCols: number;
      arena: number;
      arenaHelped: boolean;
      sameInline: boolean;
    }
  | { isolated: false; canShare: boolean; defaultSize: number; error: string }
  | { failed: string };

function filled(n: number, seed: number): Float32Array {
  const a = sharedArray(Float32Array, n);
  createRng(seed).normalArray(a);
  return a;
}

async function main(): Promise<PoolPageResult> {
  const c = POOL_CASE;
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    const pool = await createWorkerPool();
    let error = '';
    try {
      await createWorkerPool({ workers: 2 });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    return { isolated: false, canShare: canShareMemory(), defaultSize: pool.size, error };
  }
  const pool = await createWorkerPool({ workers: 2 });
  const a = filled(c.rows * c.n, 1);
  const b = filled(c.rows * c.n, 2);
  const conv = await poolConvolve(pool, a, b, { n: c.n, inline: false });
  const convInline = await poolConvolve(pool, a, b, { n: c.n, inline: true });
  const x = filled(c.bundleRows * c.cols, 3);
  const sums = await poolBundle(pool, x, { cols: c.cols, inline: false });
  const csr = await poolRandomCSR(pool, c.csr.nRows, c.csr.nCols, c.csr.p, c.csr.seed, { weight: { uniform: [-1, 2] }, inline: false });
  const normals = await poolNormalFill(pool, c.normalsSeed, sharedArray(Float64Array, c.normals), { inline: false });
  const mm = async (s: (typeof c)['matMulRows' | 'matMulCols'], seed: number) =>
    fnv1a(await poolMatMul(pool, filled(s.m * s.k, seed), filled(s.k * s.n, seed + 1), { ...s, inline: false }));
  const matMulRows = await mm(c.matMulRows, 4);
  const matMulCols = await mm(c.matMulCols, 6);
  // The arena's bundle with one of the pool's workers as its helper thread (shared WebAssembly.Memory, Atomics.wait there).
  const { rows, cols, seed } = c.arena;
  const arena = createSimdArena(4 * (rows * cols + cols) + 65536, { pool });
  const ax = arena.alloc(rows * cols);
  createRng(seed).normalArray(ax);
  const colSums = arena.alloc(cols);
  let arenaHash = fnv1a(arena.bundle(ax, cols, colSums));
  let arenaSame = true;
  for (let i = 0; i < 2000 && arena.helperChunks() === 0; i++) {
    if (fnv1a(arena.bundle(ax, cols, colSums)) !== arenaHash) arenaSame = false;
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 1));
  }
  const arenaHelped = arena.helperChunks() > 0;
  if (!arenaSame) arenaHash = -1;
  await arena.close();
  await pool.terminate();
  return {
    isolated: true,
    size: pool.size,
    convolve: fnv1a(conv),
    bundle: fnv1a(sums),
    csr: fnv1a(csr.indptr, csr.indices, csr.data),
    nnz: csr.indptr[csr.nRows],
    normals: fnv1a(normals),
    matMulRows,
    matMulCols,
    arena: arenaHash,
    arenaHelped,
    sameInline: fnv1a(conv) === fnv1a(convInline),
  };
}

main().then(
  (r) => ((globalThis as { __pool?: PoolPageResult }).__pool = r),
  (e: unknown) =>
    ((globalThis as { __pool?: PoolPageResult }).__pool = { failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
);
