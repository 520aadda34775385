/**
 * @neurite/plot in headless Chromium, bundled like a user's app (esbuild, platform
 * browser, no plugins): the same plots as in Node must come out as well-formed SVG
 * with the same data marks. In a page vega measures text with a canvas and in Node
 * it estimates widths, so axis labels and legends may sit a few pixels apart and the
 * documents are not compared byte for byte; the marks, drawn in the plotting
 * area's own coordinates, are compared exactly (path data, fill, stroke, dashes).
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, openTestPage, type TestPage } from '../../../test-utils/browser.js';
import type { PlotPageApi } from './browser/page-entry.js';
import { runScenario, type ScenarioResult } from './browser/scenario.js';
import { axisTitles, markItems, parseSvg } from './svg-tree.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));
const KINDS = { raster: ['rect'], line: ['line', 'symbol'], histogram: ['rect'], heatmap: ['rect'] } as const;

describeInChromium('@neurite/plot in headless Chromium against Node', () => {
  let browser: TestPage | undefined;
  let node: ScenarioResult;

  beforeAll(async () => {
    node = await runScenario();
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite plot', readyGlobal: '__plot' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every plot with the same data marks and axis titles as Node', async () => {
    const r = await browser!.page.evaluate(() => (globalThis as unknown as { __plot: PlotPageApi }).__plot.run());
    if ('error' in r) throw browser!.error(r.error);
    for (const name of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
      const [b, n] = [parseSvg(r[name]), parseSvg(node[name])];
      expect(axisTitles(b), name).toEqual(axisTitles(n));
      for (const kind of KINDS[name]) {
        const marks = (svg: typeof b) =>
          markItems(svg, kind).map((m) => [m.attrs.d, m.attrs.fill, m.attrs.stroke, m.attrs['stroke-dasharray']]);
        expect(marks(n).length, `${name} ${kind} marks in Node`).toBeGreaterThan(0);
        expect(marks(b), `${name} ${kind} marks`).toEqual(marks(n));
      }
    }
    expect(browser!.pageErrors).toEqual([]);
  });
});
