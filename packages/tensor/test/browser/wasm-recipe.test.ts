/**
 * The README's esbuild recipe for wasm in a browser, as a user runs it: the
 * page is bundled with `--loader:.wasm=file` (the .wasm files emitted beside
 * the bundle, their URLs passed as `wasmPaths`), served, and opened in
 * headless Chromium. Skipped without /usr/bin/chromium (fails under CI).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { describeInChromium, launchChromium, pageHtml, serve } from '../../../../test-utils/browser.js';

const ENTRY = fileURLToPath(new URL('./wasm-recipe-entry.ts', import.meta.url));

describeInChromium('the README wasm recipe (esbuild file loader + wasmPaths map) in headless Chromium', () => {
  it('starts wasm and computes with it', async () => {
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outdir: '/virtual-out',
      entryNames: 'bundle',
      loader: { '.wasm': 'file' },
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, string | Uint8Array> = { '/': pageHtml('wasm recipe') };
    for (const f of result.outputFiles) files['/' + path.basename(f.path)] = f.contents;
    expect(Object.keys(files).filter((k) => k.endsWith('.wasm'))).toHaveLength(3);
    const server = await serve(files);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.url + '/');
      await page.waitForFunction(() => (globalThis as unknown as { __recipe?: unknown }).__recipe != null, null, { timeout: 60_000 });
      const out = await page.evaluate(() => (globalThis as unknown as { __recipe: unknown }).__recipe);
      expect(out).toEqual({ backend: 'wasm', sum: [11, 22] });
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
