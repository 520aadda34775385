/**
 * Every conformance case on webgl and webgpu in headless Debian Chromium
 * (SwiftShader, no GPU needed), compared with the cpu backend's results
 * computed here in Node. The cases and src/ are bundled from source with
 * esbuild and served from a localhost server on a random port.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '../../src/index.js';
import { allCases } from './all-cases.js';
import { compareOutputs, runCases, toleranceOf, type CaseResult } from './runner.js';
import { describeInChromium, openTestPage, type TestPage } from '../../../../test-utils/browser.js';
import type { PageApi } from '../browser/page-entry.js';

const PAGE_ENTRY = fileURLToPath(new URL('../browser/page-entry.ts', import.meta.url));

describeInChromium('conformance in headless Chromium: webgl and webgpu against cpu', () => {
  let browser: TestPage | undefined;
  const reference = new Map<string, CaseResult>();

  beforeAll(async () => {
    await setBackend('cpu');
    for (const r of await runCases(allCases, 'cpu')) reference.set(r.name, r);
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite conformance', readyGlobal: '__neurite', sourcemap: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`runs every case on ${backend} and matches cpu`, async () => {
      const out = await browser!.page.evaluate(
        (b) => (globalThis as unknown as { __neurite: PageApi }).__neurite.run(b),
        backend,
      );
      if ('error' in out) throw browser!.error(out.error);
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
