// Every page of the built site loads in Chromium without a console error, an uncaught error or a
// request that leaves localhost: all pages outside api/, and the index page of every API entry point
// (the ~700 member pages share their layout and code with those). The page must also render its
// title, and the home page's demo and the benchmarks tables must be there.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST, describeSite, openSite, siteBuilt, type Site } from './site.js';

/** URL paths of the pages to load. */
function pages(): string[] {
  if (!siteBuilt()) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const rel = path.relative(DIST, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (rel !== 'assets' && !rel.startsWith('assets/')) walk(full);
      } else if (e.name.endsWith('.html') && rel !== '404.html') {
        if (!rel.startsWith('api/') || e.name === 'index.html') out.push(`/${rel}`);
      }
    }
  };
  walk(DIST);
  return out.sort();
}

describeSite('docs: every page loads cleanly', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('the site has its pages', () => {
    const all = pages();
    for (const p of ['/index.html', '/getting-started.html', '/benchmarks.html', '/interoperability.html', '/guide/nir.html']) {
      expect(all).toContain(p);
    }
  });

  it('each page: no console error, no request off localhost, a title', async () => {
    // One browser page visits them all (a fresh context per page costs more than the page itself).
    const failures: string[] = [];
    const slow: string[] = [];
    const sp = await site.openPage('/404.html');
    try {
      for (const p of pages()) {
        sp.errors.length = 0;
        sp.external.length = 0;
        const t0 = performance.now();
        try {
          await sp.page.goto(`${site.url}${p}`, { waitUntil: 'load' });
          await sp.page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
          const h1 = await sp.page
            .locator('h1')
            .first()
            .textContent({ timeout: 5_000 })
            .catch(() => null);
          if (!h1?.trim()) failures.push(`${p}: no h1`);
          sp.assertClean();
        } catch (e) {
          failures.push(e instanceof Error ? e.message : String(e));
        }
        const ms = performance.now() - t0;
        if (ms > 3000) slow.push(`${p} ${(ms / 1000).toFixed(1)} s`);
      }
    } finally {
      await sp.close();
    }
    if (slow.length) console.log(`pages slower than 3 s to settle: ${slow.join(', ')}`);
    expect(failures).toEqual([]);
  });

  it('the home page shows the NIR demo; the benchmarks page its tables', async () => {
    const home = await site.openPage('/');
    try {
      await home.page.waitForSelector('.demo-shell[data-demo="nir"] .demo-run:not([disabled])', { timeout: 20_000 });
      await home.page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
      // Nothing heavy before the reader presses Run: h5wasm, vega, the GPU backends are loaded on demand.
      const loaded = await home.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(loaded.filter((u) => /hdf5_hl|vega\.module|\/webgl\.|\/webgpu\.|\.wasm$/.test(u))).toEqual([]);
      await site.screenshot(home.page, 'home');
      home.assertClean();
    } finally {
      await home.close();
    }
    const bench = await site.openPage('/benchmarks');
    try {
      expect(await bench.page.locator('.bench-suite table tbody tr').count()).toBeGreaterThan(0);
      expect(await bench.page.locator('.bench-suite svg').count()).toBeGreaterThan(0);
      await site.screenshot(bench.page, 'benchmarks', '.bench-suite');
      bench.assertClean();
    } finally {
      await bench.close();
    }
  });
});
