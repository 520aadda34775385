/**
 * Every conformance case on webgl and webgpu in headless Debian Chromium
 * (SwiftShader, no GPU needed), compared with the cpu backend's results
 * computed here in Node. The cases and src/ are bundled from source with
 * esbuild and served from a localhost server on a random port.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { setBackend } from '../../src/index.js';
import { allCases } from './all-cases.js';
import { compareOutputs, runCases, toleranceOf, type CaseResult } from './runner.js';
import { bundlePage, pageHtml } from '../browser/bundle.js';
import { serveStatic, type StaticServer } from '../browser/server.js';
import type { PageApi } from '../browser/page-entry.js';

const CHROMIUM = '/usr/bin/chromium';
/** Exactly the launch arguments of ARCHITECTURE.md ("Testing in a real browser"). */
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--enable-unsafe-webgpu', '--use-vulkan=swiftshader', '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader',
];
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && !process.env.CI) {
  console.warn(`browser conformance skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
}

describe.runIf(!haveChromium && process.env.CI)('browser conformance prerequisites', () => {
  it(`needs ${CHROMIUM} when CI is set`, () => {
    throw new Error(`${CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium) to run the webgl/webgpu conformance tests`);
  });
});

describe.runIf(haveChromium)('conformance in headless Chromium: webgl and webgpu against cpu', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const reference = new Map<string, CaseResult>();

  beforeAll(async () => {
    await setBackend('cpu');
    for (const r of await runCases(allCases, 'cpu')) reference.set(r.name, r);
    const bundle = await bundlePage();
    server = await serveStatic({
      '/': ['text/html; charset=utf-8', pageHtml],
      '/bundle.js': ['text/javascript; charset=utf-8', bundle],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => (globalThis as unknown as { __neurite?: unknown }).__neurite != null, undefined, { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`runs every case on ${backend} and matches cpu`, async () => {
      const out = await page!.evaluate(
        (b) => (globalThis as unknown as { __neurite: PageApi }).__neurite.run(b),
        backend,
      );
      if ('error' in out) throw new Error(`${out.error}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
      expect(out.backend).toBe(backend);
      expect(out.results.map((r) => r.name)).toEqual(allCases.map((c) => c.name));
      const problems: string[] = [];
      for (const c of allCases) {
        const r = out.results.find((x) => x.name === c.name)!;
        const ref = reference.get(c.name)!;
        if (r.skipped || ref.skipped) continue;
        if (ref.error) { problems.push(`${c.name}: cpu reference failed: ${ref.error}`); continue; }
        if (r.error) { problems.push(`${c.name}: ${r.error}`); continue; }
        if (r.leaked.tensors !== 0 || r.leaked.bytes !== 0) problems.push(`${c.name}: left ${r.leaked.tensors} tensors / ${r.leaked.bytes} bytes behind`);
        const { atol, rtol } = toleranceOf(c);
        for (const p of compareOutputs(ref.outputs!, r.outputs!, atol, rtol)) problems.push(`${c.name}: ${p}`);
      }
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
