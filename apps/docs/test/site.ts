/**
 * The harness every docs-site browser test uses (see apps/docs/CONTRIBUTING-DEMOS.md):
 *
 * - `describeSite(title, fn)`: `describeInChromium` (skipped without /usr/bin/chromium, failing under
 *   CI) that also requires the built site in apps/docs/.vitepress/dist; without it the suite fails
 *   and says how to build it (`npm test` builds it through turbo before vitest runs).
 * - `openSite()`: a static server of the dist on 127.0.0.1 and one headless Chromium (the SwiftShader
 *   arguments of test-utils/chromium.mjs); call it in beforeAll and `site.close()` in afterAll.
 * - `site.openPage(path)`: a fresh browser context with a guard that records (and aborts) every request
 *   that is not to the local server and every console error or uncaught page error.
 * - `site.openDemo(path, backend, { demo, query })`: opens `path?backend=<b>&autorun=1`, waits until the
 *   demo's DemoShell says done or error, and returns its result (parsed JSON), its time per step and
 *   the page; it throws when the demo failed, a console error appeared or a request left localhost.
 * - `site.search(query)`: the titles the site's local search lists for `query`.
 * - `site.screenshot(page, name)`: a PNG in apps/docs/test-artifacts/ (gitignored; kept for reviewers).
 * - `describeDemo(spec)`: the suite of one demo page: `describeSite` with one site for the suite and, on
 *   every backend of ALL_BACKENDS, a test that opens the demo (`openDemo`, screenshot
 *   `<demo>-demo-<backend>`), requires it timed its steps, hands the run to `spec.check`, and, when the
 *   page was kept open, checks the guards again after `check` and closes it.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, describeInChromium, launchChromium, listenLocal } from '../../../test-utils/browser.js';

/** apps/docs */
export const DOCS = fileURLToPath(new URL('..', import.meta.url));
/** The built site. */
export const DIST = path.join(DOCS, '.vitepress', 'dist');
/** Where screenshots go (gitignored). */
export const ARTIFACTS = path.join(DOCS, 'test-artifacts');
/** The backends every demo is tested on. */
export const ALL_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type Backend = (typeof ALL_BACKENDS)[number];

const BUILD_HINT = 'build it first: `npm run build -w @neurite/docs` (or `npx turbo run build --filter=@neurite/docs`; `npm test` does it)';

/** Whether apps/docs/.vitepress/dist holds a built site. */
export function siteBuilt(): boolean {
  return existsSync(path.join(DIST, 'index.html'));
}

/**
 * `describeInChromium(title, fn)`, and when Chromium is there but the site is not built, a failing
 * test saying how to build it (the build is never started from a test).
 */
export function describeSite(title: string, fn: () => void): void {
  if (chromiumAvailable() && !siteBuilt()) {
    describe(title, () => {
      it('needs the built site', () => {
        throw new Error(`${DIST} is missing: ${BUILD_HINT}`);
      });
    });
    return;
  }
  describeInChromium(title, fn);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names in the dist (`/` → index.html, `/a/` → a/index.html, `/a` → a.html), or undefined. */
function resolveFile(urlPath: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  const file = path.join(DIST, path.normalize(p));
  if (!file.startsWith(DIST)) return undefined;
  for (const f of [file, path.join(file, 'index.html'), `${file}.html`]) {
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return undefined;
}

async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  return listenLocal((req, res) => {
    const file = resolveFile(req.url ?? '/');
    const notFound = path.join(DIST, '404.html');
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
}

export interface SitePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors so far. */
  errors: string[];
  /** Requests that were not to the local server (each was aborted). */
  external: string[];
  /** Throws when there is any console error or external request. */
  assertClean(): void;
  /** Closes the page's context (again: nothing). */
  close(): Promise<void>;
}

export interface DemoRun<R> {
  /** What the demo's run returned (the JSON in [data-demo-result]). */
  result: R;
  /** Milliseconds per step the demo timed (data-ms-per-step), if it timed steps. */
  msPerStep: number | undefined;
  /** The backend the shell ran on (data-backend). */
  backend: string;
  /** The page, still open (close it with `sitePage.close()`). */
  sitePage: SitePage;
}

export interface OpenDemoOptions {
  /** The DemoShell `name` to wait for (default: the first demo on the page). */
  demo?: string;
  /** More query parameters for the page (e.g. `{ nir: 'cnn_sinabs.nir' }`). */
  query?: Record<string, string>;
  /** How long to wait for the demo (default 50 s). */
  timeout?: number;
  /** Keep the page open (default: closed after reading the result). */
  keepOpen?: boolean;
  /** Save a screenshot of the demo as test-artifacts/<screenshot>.png. */
  screenshot?: string;
}

export interface Site {
  /** http://127.0.0.1:<port> */
  url: string;
  browser: Browser;
  openPage(pagePath: string): Promise<SitePage>;
  openDemo<R = unknown>(pagePath: string, backend: Backend, options?: OpenDemoOptions): Promise<DemoRun<R>>;
  search(query: string): Promise<string[]>;
  screenshot(page: Page, name: string, selector?: string): Promise<string>;
  close(): Promise<void>;
}

/** `/guide/nir` or `guide/nir` → `/guide/nir.html` (the site is built without clean URLs). */
function pageUrl(base: string, pagePath: string, query: Record<string, string> = {}): string {
  let p = pagePath.startsWith('/') ? pagePath : `/${pagePath}`;
  if (!p.endsWith('/') && !p.endsWith('.html')) p += '.html';
  const q = new URLSearchParams(query).toString();
  return `${base}${p}${q ? `?${q}` : ''}`;
}

export async function openSite(): Promise<Site> {
  if (!siteBuilt()) throw new Error(`${DIST} is missing: ${BUILD_HINT}`);
  const server = await serveDist();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  const origin = new URL(server.url).origin;

  async function openPage(pagePath: string): Promise<SitePage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const external: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url === origin) await route.continue();
      else {
        external.push(url);
        await route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(pagePath.startsWith('http') ? pagePath : pageUrl(server.url, pagePath), { waitUntil: 'load' });
    let closed = false;
    return {
      page,
      context,
      errors,
      external,
      assertClean() {
        const problems = [...errors, ...external.map((u) => `request left localhost: ${u}`)];
        if (problems.length) throw new Error(`${page.url()}: ${problems.join(' | ')}`);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await context.close();
      },
    };
  }

  async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    if (selector) await page.locator(selector).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: false });
    return file;
  }

  return {
    url: server.url,
    browser,
    openPage,
    screenshot,
    async openDemo<R>(pagePath: string, backend: Backend, options: OpenDemoOptions = {}): Promise<DemoRun<R>> {
      const sp = await openPage(pageUrl(server.url, pagePath, { ...options.query, backend, autorun: '1' }));
      const { page } = sp;
      const shell = options.demo ? `.demo-shell[data-demo="${options.demo}"]` : '.demo-shell';
      try {
        const handle = await page.waitForSelector(`${shell}[data-status="done"], ${shell}[data-status="error"]`, {
          timeout: options.timeout ?? 50_000,
        });
        const status = await handle.getAttribute('data-status');
        const ranOn = (await handle.getAttribute('data-backend')) ?? '';
        if (status === 'error') {
          const message = await handle.$eval('[data-demo-error]', (e) => e.textContent ?? '').catch(() => '');
          throw new Error(
            `demo on ${pagePath} failed on ${backend}: ${message}${sp.errors.length ? ` (page: ${sp.errors.join(' | ')})` : ''}`,
          );
        }
        if (ranOn !== backend) throw new Error(`demo on ${pagePath} ran on ${ranOn}, not ${backend}`);
        const json = await handle.$eval('[data-demo-result]', (e) => e.textContent ?? '');
        const ms = await handle.getAttribute('data-ms-per-step');
        if (options.screenshot) {
          await handle.scrollIntoViewIfNeeded();
          await screenshot(page, options.screenshot, shell);
        }
        sp.assertClean();
        const run: DemoRun<R> = {
          result: JSON.parse(json) as R,
          msPerStep: ms === null ? undefined : Number(ms),
          backend: ranOn,
          sitePage: sp,
        };
        if (!options.keepOpen) await sp.close();
        return run;
      } catch (e) {
        await sp.close();
        throw e;
      }
    },
    async search(query: string): Promise<string[]> {
      const sp = await openPage(pageUrl(server.url, '/'));
      try {
        await sp.page.locator('.VPNavBarSearch button, #local-search button').first().click();
        const input = sp.page.locator('.VPLocalSearchBox input');
        await input.fill(query);
        await sp.page.waitForSelector('.VPLocalSearchBox .result', { timeout: 20_000 });
        const titles = await sp.page.locator('.VPLocalSearchBox .result').allTextContents();
        sp.assertClean();
        return titles.map((t) => t.replace(/\s+/g, ' ').trim());
      } finally {
        await sp.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface DemoSuite<R> {
  /** The suite's title. */
  title: string;
  /** The page of the demo, e.g. `guide/nir`. */
  page: string;
  /** The DemoShell `name` to wait for; the screenshots are test-artifacts/<demo>-demo-<backend>.png. */
  demo: string;
  /** The title of the test on `backend`. */
  test(backend: Backend): string;
  /** More options for `openDemo` on `backend` (query, timeout, keepOpen). */
  options?(backend: Backend): Omit<OpenDemoOptions, 'demo' | 'screenshot'>;
  /** Timeout of each backend's test, ms (default: vitest's). */
  timeout?: number;
  /**
   * Called inside the suite before the backend tests are declared, with a getter of the open site:
   * more hooks (they run after the site is open) and more tests.
   */
  setup?(site: () => Site): void;
  /**
   * The assertions on one backend's run (`run.msPerStep > 0` is already checked). With `keepOpen`,
   * the page is still open; after `check` the guards are asserted again and the page is closed.
   */
  check(run: DemoRun<R>, backend: Backend): void | Promise<void>;
}

/**
 * The suite of one demo page: `describeSite(spec.title)`, one site opened before its tests and closed
 * after, `spec.setup(site)`, and for every backend of ALL_BACKENDS a test that runs
 * `site.openDemo(spec.page, backend, { demo, screenshot: '<demo>-demo-<backend>', ...spec.options(backend) })`
 * (which throws on a failed demo, on a backend other than the one asked, on a console error and on a
 * request off localhost), expects a time per step > 0 and calls `spec.check(run, backend)`.
 */
export function describeDemo<R>(spec: DemoSuite<R>): void {
  describeSite(spec.title, () => {
    let site: Site | undefined;
    const getSite = (): Site => {
      if (!site) throw new Error('the site is not open (openSite failed in beforeAll)');
      return site;
    };
    beforeAll(async () => {
      site = await openSite();
    });
    afterAll(async () => {
      await site?.close();
    });
    spec.setup?.(getSite);
    for (const backend of ALL_BACKENDS) {
      it(
        spec.test(backend),
        async () => {
          const options = spec.options?.(backend) ?? {};
          const run = await getSite().openDemo<R>(spec.page, backend, {
            ...options,
            demo: spec.demo,
            screenshot: `${spec.demo}-demo-${backend}`,
          });
          try {
            expect(run.msPerStep).toBeGreaterThan(0);
            await spec.check(run, backend);
            if (options.keepOpen) run.sitePage.assertClean();
          } finally {
            if (options.keepOpen) await run.sitePage.close();
          }
        },
        spec.timeout,
      );
    }
  });
}
