// The API reference in the built site (scripts/api.mjs, run by the build unless
// NEURITE_DOCS_SKIP_API is set): the local search finds an API symbol, and the pages of the
// reference load without console errors or requests leaving localhost, one per package entry.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST, describeSite, openSite, type Site } from './site.js';

const API = path.join(DIST, 'api');

describeSite('docs: API reference', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is built (the build ran scripts/api.mjs)', () => {
    expect(existsSync(path.join(API, 'index.html')), `${API}/index.html: build without NEURITE_DOCS_SKIP_API`).toBe(true);
  });

  it('local search finds decodeNir and simulateQuantized', async () => {
    for (const symbol of ['decodeNir', 'simulateQuantized']) {
      const titles = await site.search(symbol);
      expect(
        titles.some((t) => t.includes(symbol)),
        `${symbol}: ${titles.join(' / ')}`,
      ).toBe(true);
    }
  });

  it('the overview links every package and the decodeNir page shows its doc comment', async () => {
    const sp = await site.openPage('/api/');
    try {
      const links = await sp.page.locator('.vp-doc table a').allTextContents();
      const packages = readdirSync(path.join(DIST, '../../../../packages')).map((p) => `@neurite/${p}`);
      for (const p of packages) expect(links, p).toContain(p);
      sp.assertClean();
    } finally {
      await sp.close();
    }
    const fn = await site.openPage('/api/nir/functions/decodeNir');
    try {
      const text = await fn.page.locator('.vp-doc').innerText();
      expect(text).toContain('Decode the bytes of a .nir (HDF5) file');
      expect(text).toContain('ReadResult');
      await site.screenshot(fn.page, 'api-decodeNir');
      fn.assertClean();
    } finally {
      await fn.close();
    }
  });
});
