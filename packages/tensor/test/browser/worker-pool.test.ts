/**
 * The worker pool in headless Chromium: module Web Workers over
 * SharedArrayBuffer in a crossOriginIsolated page (served with COOP/COEP), the
 * worker script and block kernels bundled from the built package beside the
 * app as the README says. Each kernel's result must have the bits Node
 * computes for the same inputs (poolMatMul: XNNPACK in tfjs's wasm backend in
 * each worker, its .wasm files served beside the worker script); a page without the headers gets a pool of 0
 * workers and a clear error for workers > 0. Skipped without /usr/bin/chromium
 * (fails under CI).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { bundle, describeInChromium, launchChromium, pageHtml, wasmAssetFiles } from '../../../../test-utils/browser.js';
import { createRng, createSimdArena, createWorkerPool } from '../../src/index.js';
import type { PoolPageResult } from './worker-pool-entry.js';
import { POOL_CASE, poolCaseHashes } from './worker-pool-case.js';
import { fnv1a } from './fnv.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Static files on 127.0.0.1; with COOP/COEP (a crossOriginIsolated page) unless the query has `plain`. */
async function serveIsolated(files: Record<string, string | Uint8Array>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const [file, query = ''] = (req.url ?? '/').split('?');
    const body = files[file];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'text/html',
      'cache-control': 'no-store',
    };
    if (!query.includes('plain')) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The same computations in Node (calling thread: the pool promises the same bits for any worker count;
 * poolMatMul on one worker, since only the workers' XNNPACK products are bit-identical to each other).
 */
async function nodeResult(): Promise<Record<string, number>> {
  const pool = await createWorkerPool({ workers: 0 });
  const one = await createWorkerPool({ workers: 1 });
  const hashes = await poolCaseHashes(pool, one, false);
  await one.terminate();
  // The arena's bundle on one thread (the page's helper thread must not change a bit).
  const { rows, cols, seed } = POOL_CASE.arena;
  const arena = createSimdArena(4 * (rows * cols + cols) + 65536);
  const ax = arena.alloc(rows * cols);
  createRng(seed).normalArray(ax);
  return { ...hashes, arena: fnv1a(arena.bundle(ax, cols)) };
}

describeInChromium('the worker pool on Web Workers in headless Chromium', () => {
  it('runs bind, bundle, randomCSR, normals, matMul (row and column blocks) and the two-thread arena bundle on 2 workers with the bits of Node; without isolation the pool has 0 workers', async () => {
    const server = await serveIsolated({
      '/': pageHtml('worker pool'),
      '/bundle.js': await bundle(here('./worker-pool-entry.ts')),
      // As the README tells browser apps: the worker script and the block kernels, bundled beside the app.
      '/pool-worker.js': await bundle(here('../../dist/pool/pool-worker.js')),
      '/block-kernels.js': await bundle(here('../../dist/pool/block-kernels.js')),
      // poolMatMul's block module starts tfjs's wasm backend in each worker, which fetches its .wasm beside the worker script.
      '/mat-mul-block.js': await bundle(here('../../dist/pool/mat-mul-block.js')),
      '/simd-bundle-helper.js': await bundle(here('../../dist/simd/simd-bundle-helper.js')),
      ...Object.fromEntries(Object.entries(wasmAssetFiles()).map(([p, bytes]) => ['/' + p.split('/').pop()!, bytes])),
    });
    const browser = await launchChromium();
    try {
      const read = async (query: string): Promise<PoolPageResult> => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${server.url}/${query}`);
        await page.waitForFunction(() => (globalThis as { __pool?: unknown }).__pool != null, null, { timeout: 60_000 });
        const r = await page.evaluate(() => (globalThis as unknown as { __pool: PoolPageResult }).__pool);
        expect(errors).toEqual([]);
        await page.close();
        return r;
      };
      const isolated = await read('');
      const want = await nodeResult();
      expect(isolated).toEqual({ isolated: true, size: 2, sameInline: true, arenaHelped: true, ...want });
      const plain = await read('?plain');
      expect(plain).toMatchObject({ isolated: false, defaultSize: 0 });
      expect((plain as { error: string }).error).toMatch(/crossOriginIsolated/);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
