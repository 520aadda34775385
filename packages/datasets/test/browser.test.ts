/**
 * @neurite/datasets in headless Chromium, bundled like a user's app (esbuild,
 * platform browser, no plugins: the mnist package's JSON goes into the bundle):
 * loadMnist() in the page gives the same split as in Node, every pixel
 * bit-identical (a hash over the float32 bits), the same labels and provenance.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, openTestPage, type TestPage } from '../../../test-utils/browser.js';
import { loadMnist } from '../src/index.js';
import type { DatasetsPageApi } from './browser/page-entry.js';
import { summarize, type MnistSummary } from './browser/summary.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));

describeInChromium('@neurite/datasets in headless Chromium against Node', () => {
  let browser: TestPage | undefined;
  let node: MnistSummary;

  beforeAll(async () => {
    node = summarize(await loadMnist());
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite datasets', readyGlobal: '__datasets' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads MNIST in the page with the same split and bit-identical pixels', async () => {
    const r = await browser!.page.evaluate(() => (globalThis as unknown as { __datasets: DatasetsPageApi }).__datasets.run());
    if ('error' in r) throw browser!.error(r.error);
    expect([r.train.n, r.test.n]).toEqual([7996, 2004]);
    expect(r).toEqual(node);
    expect(browser!.pageErrors).toEqual([]);
  });
});
