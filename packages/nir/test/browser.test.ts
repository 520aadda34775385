/**
 * decodeNir / encodeNir and the executor in headless Debian Chromium (SwiftShader: no GPU
 * needed). The page (test/browser/page-entry.ts, bundled from source with esbuild) fetches
 * fixture bytes from a localhost server, decodes them with h5wasm in memory, re-encodes and
 * decodes again, and runs the paper's lif_norse graph on webgl and on webgpu.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { setBackend, tf } from '@neurite/tensor';
import { compile, readNir } from '../src/index.js';
import { FIXTURES, fixtureFiles, loadJson } from './helpers.js';
import { bundleNirPage, nirPageHtml } from './browser/bundle.js';
import { serveFiles, type FileServer } from './browser/serve-files.js';
import type { NirPageApi } from './browser/page-entry.js';

const CHROMIUM = '/usr/bin/chromium';
/** The launch arguments of ARCHITECTURE.md ("Testing in a real browser"). */
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--enable-unsafe-webgpu', '--use-vulkan=swiftshader', '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader',
];
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && !process.env.CI) {
  console.warn(`nir browser tests skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
}

describe.runIf(!haveChromium && process.env.CI)('nir browser test prerequisites', () => {
  it(`needs ${CHROMIUM} when CI is set`, () => {
    throw new Error(`${CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium) to run the nir browser tests`);
  });
});

const withJson = fixtureFiles().filter((f) => f.json !== null);
const served = (nir: string) => `/fixtures/${path.basename(path.dirname(nir))}/${path.basename(nir)}`;
const csv = readFileSync(path.join(FIXTURES, 'paper/lif_norse.csv'), 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
const DT = 1e-4;

describe.runIf(haveChromium)('@neurite/nir in headless Chromium', () => {
  let server: FileServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const nodeRun = { v: [] as number[], z: [] as number[] };
  /** Call a method of the page's `__nir` API with JSON-serialisable arguments. */
  const call = <K extends keyof NirPageApi>(method: K, ...args: Parameters<NirPageApi[K]>): ReturnType<NirPageApi[K]> =>
    page!.evaluate(([m, a]) => {
      const nir = (globalThis as unknown as { __nir: Record<string, (...x: unknown[]) => unknown> }).__nir;
      return nir[m](...a);
    }, [method, args] as [string, unknown[]]) as ReturnType<NirPageApi[K]>;

  beforeAll(async () => {
    // The Node result for the same graph and input (wasm backend).
    await setBackend('wasm');
    const sim = compile(await readNir(path.join(FIXTURES, 'paper/lif_norse.nir')), { dt: DT, integration: 'euler', reset: 'to_v_reset', record: ['1'] });
    const xs = tf.tensor3d(csv.map((r) => [[r[0]]]));
    const z = sim.run(xs);
    const rec = sim.recording('1');
    nodeRun.v = Array.from(rec.v!.dataSync()); nodeRun.z = Array.from(z.dataSync());
    tf.dispose([xs, z, rec.output, rec.v!]); sim.dispose();

    const files: Record<string, [string, string | Uint8Array]> = {
      '/': ['text/html; charset=utf-8', nirPageHtml],
      '/bundle.js': ['text/javascript; charset=utf-8', await bundleNirPage()],
    };
    for (const f of withJson) files[served(f.nir)] = ['application/octet-stream', new Uint8Array(readFileSync(f.nir))];
    server = await serveFiles(files);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => (globalThis as unknown as { __nir?: unknown }).__nir != null, undefined, { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('decodes every fixture from its bytes to exactly its .json, and our re-encoding decodes to the same', async () => {
    for (const f of withJson) {
      const r = await call('decode', served(f.nir));
      if ('error' in r) throw new Error(`${f.nir}: ${r.error}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
      const expected = loadJson(f.json!);
      expect(JSON.parse(r.json), f.nir).toEqual(expected);
      expect(JSON.parse(r.again), f.nir).toEqual(expected);
      expect(r.encodedBytes).toBeGreaterThan(0);
    }
  }, 120_000);

  it('gives a NirError naming the bytes for non-HDF5 input', async () => {
    const r = await call('decodeGarbage');
    expect(r.name).toBe('NirError');
    expect(r.message).toMatch(/^garbage\.nir: not a readable NIR\/HDF5 file/);
  });

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`runs lif_norse.nir on ${backend}: the Node (wasm) result and paper/lif_norse.csv, within 1e-5 V, same spike steps`, async () => {
      const r = await call('runLif', served(path.join(FIXTURES, 'paper/lif_norse.nir')), backend, csv.map((row) => row[0]), DT);
      if ('error' in r) throw new Error(`${r.error}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
      expect(r.backend).toBe(backend);
      expect(r.leaked).toBe(0);
      expect(r.v).toHaveLength(csv.length);
      expect(r.z).toEqual(nodeRun.z);
      expect(r.z).toEqual(csv.map((row) => row[2]));
      const worst = (ref: number[]) => Math.max(...r.v.map((v, t) => Math.abs(v - ref[t])));
      expect(worst(nodeRun.v)).toBeLessThan(1e-5);
      expect(worst(csv.map((row) => row[1]))).toBeLessThan(1e-5);
      expect(nodeRun.z.filter((s) => s === 1).length).toBeGreaterThan(0);
    }, 240_000);
  }
});
