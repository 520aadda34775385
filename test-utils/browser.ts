/**
 * Shared infrastructure for the tests that run in headless Debian Chromium
 * (SwiftShader: webgl and webgpu without a GPU; see docs/architecture.md, "Testing
 * in a real browser"):
 *
 * - `bundle(entry)`: one browser ES module from a TypeScript entry, built the way a
 *   user's esbuild would (platform browser, no plugins, no externals).
 * - `serve(files)`: a static http server for in-memory files on 127.0.0.1, random port.
 * - `WASM_PATH` / `wasmAssetFiles()`: tfjs-backend-wasm's `.wasm` files served as static
 *   assets; a page passes `setBackend('wasm', { wasmPaths: WASM_PATH })`, as the
 *   @neurite/tensor README tells users to.
 * - `launchChromium()`: /usr/bin/chromium with the launch arguments of docs/architecture.md.
 * - `openTestPage(...)`: the three above plus a page that has set its test API global.
 * - `describeInChromium(title, fn)`: the skip policy. Without /usr/bin/chromium the
 *   suite is skipped with a message, except when process.env.CI is set: then a test
 *   fails (CI must run it).
 *
 * Not a test file itself: the root vitest.config.ts includes only `*.test.ts`
 * files under packages/ and apps/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

/** Whether Debian's Chromium is installed at CHROMIUM. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * `describe(title, fn)` when Chromium is installed. Otherwise the suite is
 * skipped with a warning, or, when process.env.CI is set, replaced by a
 * failing test that says what is missing.
 */
export function describeInChromium(title: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(title, fn);
    return;
  }
  if (process.env.CI) {
    describe(`${title}: prerequisites`, () => {
      it(`needs ${CHROMIUM} when CI is set`, () => {
        throw new Error(`${CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium) to run "${title}"`);
      });
    });
    return;
  }
  console.warn(`"${title}" skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
  describe.skip(title, fn);
}

export interface BundleOptions {
  /** Inline a source map (readable stack traces; leave it off for bundles with large dependencies). */
  sourcemap?: boolean;
}

/**
 * `entry` (an absolute path) bundled with everything it imports into one ES
 * module for the browser, as `esbuild --bundle --platform=browser --format=esm`
 * does: no plugins and no externals.
 */
export async function bundle(entry: string, options: BundleOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: options.sourcemap ? 'inline' : false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The URL path under which openTestPage serves tfjs-backend-wasm's `.wasm` files. */
export const WASM_PATH = '/tfjs-wasm/';

/**
 * tfjs-backend-wasm's `.wasm` files (read from the installed package) as
 * `{ [WASM_PATH + name]: bytes }`, for `serve`.
 */
export function wasmAssetFiles(): Record<string, Uint8Array> {
  const require = createRequire(import.meta.url);
  const files: Record<string, Uint8Array> = {};
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    files[WASM_PATH + name] = readFileSync(require.resolve(`@tensorflow/tfjs-backend-wasm/dist/${name}`));
  }
  return files;
}

/** A page that loads `/bundle.js` as an ES module. */
export function pageHtml(title: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body><script type="module" src="/bundle.js"></script></body></html>`;
}

export interface FileServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

function contentType(file: string): string {
  return file.endsWith('/') ? CONTENT_TYPES['.html'] : (CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
}

/**
 * Serve `files` (url path -> body) on 127.0.0.1 with a random port; anything
 * else is a 404. The content type follows the extension ('/' is html, an
 * unknown extension application/octet-stream).
 */
export async function serve(files: Record<string, string | Uint8Array>): Promise<FileServer> {
  return listenLocal((req, res) => {
    const file = (req.url ?? '/').split('?')[0];
    const body = files[file];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(body);
  });
}

/** Listen with `handler` on 127.0.0.1 at a random port; `close()` ends open connections too. */
export async function listenLocal(handler: http.RequestListener): Promise<FileServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Headless /usr/bin/chromium with CHROMIUM_ARGS. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface TestPage {
  page: Page;
  /** Uncaught errors reported by the page so far. */
  pageErrors: string[];
  /** An Error with `message` and the page errors seen so far. */
  error(message: string): Error;
  close(): Promise<void>;
}

/**
 * Bundles `entry`, serves it as /bundle.js under `/` (with `files` and the
 * tfjs-backend-wasm files under WASM_PATH beside it), opens the page in a fresh
 * Chromium and waits until the page has set `globalThis[readyGlobal]`.
 */
export async function openTestPage(options: {
  entry: string;
  title: string;
  readyGlobal: string;
  files?: Record<string, string | Uint8Array>;
  sourcemap?: boolean;
}): Promise<TestPage> {
  const server = await serve({
    ...wasmAssetFiles(),
    ...options.files,
    '/': pageHtml(options.title),
    '/bundle.js': await bundle(options.entry, { sourcemap: options.sourcemap }),
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + '/');
    await page.waitForFunction((name) => (globalThis as unknown as Record<string, unknown>)[name] != null, options.readyGlobal, {
      timeout: 60_000,
    });
    const opened = browser;
    return {
      page,
      pageErrors,
      error: (message) => new Error(`${message}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`),
      close: async () => {
        await opened.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}
