/**
 * The browser side of the worker-pool test: bundled like a user's app, with
 * the pool's worker script and block kernels served beside the bundle
 * (/pool-worker.js, /block-kernels.js). In a crossOriginIsolated page it runs
 * pool kernels on 2 Web Workers and publishes `window.__pool`; in a page that
 * is not isolated it reports what the pool does there.
 */
import { canShareMemory, createRng, createSimdArena, createWorkerPool, poolConvolve } from '../../src/index.js';
import { caseArray, POOL_CASE, poolCaseHashes } from './worker-pool-case.js';
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
  const hashes = await poolCaseHashes(pool, pool, true, false);
  const convInline = await poolConvolve(pool, caseArray(c.rows * c.n, 1, true), caseArray(c.rows * c.n, 2, true), { n: c.n, inline: true });
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
    ...hashes,
    arena: arenaHash,
    arenaHelped,
    sameInline: hashes.convolve === fnv1a(convInline),
  };
}

main().then(
  (r) => ((globalThis as { __pool?: PoolPageResult }).__pool = r),
  (e: unknown) =>
    ((globalThis as { __pool?: PoolPageResult }).__pool = { failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
);
