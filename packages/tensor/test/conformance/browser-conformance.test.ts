/**
 * Every conformance case on webgl, webgpu and wasm in headless Debian Chromium
 * (SwiftShader, no GPU needed), compared with the cpu backend's results
 * computed here in Node. The cases and src/ are bundled from source with
 * esbuild exactly as a user's build would (no plugins), and served from a
 * localhost server on a random port with the wasm files as static assets.
 * Also: the wasm backend without `wasmPaths` fails with a TensorError that
 * keeps the real cause (the URL that 404s).
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '../../src/index.js';
import { allCases } from './all-cases.js';
import { compareOutputs, runCases, toleranceOf, type Backend, type CaseResult } from './runner.js';
import { describeInChromium, openTestPage, type TestPage } from '../../../../test-utils/browser.js';
import type { PageApi } from '../browser/page-entry.js';

const PAGE_ENTRY = fileURLToPath(new URL('../browser/page-entry.ts', import.meta.url));
const BACKENDS: readonly Backend[] = ['webgl', 'webgpu', 'wasm'];

describeInChromium('conformance in headless Chromium: webgl, webgpu and wasm against cpu', () => {
  let browser: TestPage | undefined;
  const reference = new Map<string, CaseResult>();
  const results = new Map<Backend, { backend: string; results: Map<string, CaseResult> } | { error: string }>();

  beforeAll(async () => {
    await setBackend('cpu');
    for (const r of await runCases(allCases, 'cpu')) reference.set(r.name, r);
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite conformance', readyGlobal: '__neurite', sourcemap: true });
    for (const backend of BACKENDS) {
      const out = await browser.page.evaluate((b) => (globalThis as unknown as { __neurite: PageApi }).__neurite.run(b), backend);
      results.set(backend, 'error' in out ? out : { backend: out.backend, results: new Map(out.results.map((r) => [r.name, r])) });
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const backend of BACKENDS) {
    it(`setBackend('${backend}') starts in the page and runs every case`, () => {
      const out = results.get(backend)!;
      if ('error' in out) throw browser!.error(out.error);
      expect(out.backend).toBe(backend);
      expect([...out.results.keys()]).toEqual(allCases.map((c) => c.name));
    });
    for (const c of allCases) {
      it.skipIf(c.skip?.includes(backend) === true || c.skip?.includes('cpu') === true)(`${backend}: ${c.name}`, () => {
        const out = results.get(backend)!;
        if ('error' in out) throw browser!.error(out.error);
        const r = out.results.get(c.name)!;
        const ref = reference.get(c.name)!;
        expect(ref.error, `cpu reference failed: ${ref.error}`).toBeUndefined();
        expect(r.error, r.error).toBeUndefined();
        expect(r.leaked, `tensors left behind on ${backend}`).toEqual({ tensors: 0, bytes: 0 });
        const { atol, rtol } = toleranceOf(c);
        expect(compareOutputs(ref.outputs!, r.outputs!, atol, rtol)).toEqual([]);
      });
    }
  }

  it('wasm without wasmPaths: TensorError ERR_BACKEND whose text and cause name the .wasm URL that failed', async () => {
    // A fresh page: tfjs-backend-wasm refuses new paths after a failed start.
    const page = await browser!.page.context().browser()!.newPage();
    try {
      await page.goto(browser!.page.url());
      await page.waitForFunction(() => (globalThis as unknown as { __neurite?: unknown }).__neurite != null);
      const out = await page.evaluate(() => (globalThis as unknown as { __neurite: PageApi }).__neurite.wasmWithoutPaths());
      if ('started' in out) throw new Error(`wasm started (${out.started}) although the page serves no .wasm file at its own directory`);
      expect(out.isTensorError).toBe(true);
      expect(out.code).toBe('ERR_BACKEND');
      // Emscripten fetches <page directory>/tfjs-backend-wasm[-simd|-threaded-simd].wasm, which the server 404s.
      expect(out.message).toMatch(/http:\/\/127\.0\.0\.1:\d+\/tfjs-backend-wasm[a-z-]*\.wasm/);
      expect(out.causeMessage.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
