/**
 * SparseArea in headless Debian Chromium (SwiftShader: webgl and webgpu without a GPU):
 * the winners of every round on wasm (host storage), webgl and webgpu (device storage:
 * the SparseGatherRowsSum kernel and tensor plasticity) equal Node's (cpu, host) exactly.
 * Without /usr/bin/chromium the suite is skipped with a message, except under CI.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { describeInChromium, openTestPage, WASM_PATH, type TestPage } from '../../../test-utils/browser.js';
import { SparseArea, type SparseAreaOptions } from '../src/index.js';
import type { SparseAreaPageApi, SparseAreaRun } from './browser/sparse-area-entry.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/sparse-area-entry.ts', import.meta.url));
// small enough for SwiftShader; β = 0.05 makes non-integer weights (1.05^m), so the float32 order of the sums matters
const OPTS: SparseAreaOptions = { n: 1500, k: 40, p: 0.04, beta: 0.05, seed: 9 };
const ROUNDS = 4;

describeInChromium('SparseArea in headless Chromium', () => {
  let browser: TestPage | undefined;
  const node: number[][] = [];

  beforeAll(async () => {
    await setBackend('cpu');
    const a = new SparseArea({ ...OPTS, storage: 'host' });
    for (let r = 0; r < ROUNDS; r++) node.push(Array.from(await a.project()));
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite sparse area', readyGlobal: '__sparseArea' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
    it(`gives Node's winners on ${backend}`, async () => {
      const r = (await browser!.page.evaluate(
        ([b, w, o, n]) =>
          (globalThis as unknown as { __sparseArea: SparseAreaPageApi }).__sparseArea.rounds(
            b as 'wasm',
            w as string,
            o as SparseAreaOptions,
            n as number,
          ),
        [backend, WASM_PATH, OPTS, ROUNDS] as const,
      )) as SparseAreaRun | { error: string };
      if ('error' in r) throw browser!.error(`${backend}: ${r.error}`);
      expect(r.backend).toBe(backend);
      expect(r.storage).toBe(backend === 'wasm' ? 'host' : 'device');
      expect(r.leaked).toBe(0);
      expect(r.winners).toEqual(node);
    }, 180_000);
  }
});
