/**
 * SparseArea in headless Debian Chromium (SwiftShader: webgl and webgpu without a GPU):
 * the winners of every round on wasm (host storage), webgl and webgpu (device storage:
 * the SparseGatherRowsSum kernel; plasticity by the in-place SparseRowsScale kernel on webgpu,
 * by tensor ops on webgl) equal Node's (cpu, host) exactly, and so do every synapse weight and
 * stimulus weight on wasm and webgpu (one float32 product a synapse; on webgl the winners only:
 * GLSL ES does not promise IEEE float32 products).
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
  let nodeWeights: number[] = [];
  let nodeStimulus: number[] = [];

  beforeAll(async () => {
    await setBackend('cpu');
    const a = new SparseArea({ ...OPTS, storage: 'host' });
    for (let r = 0; r < ROUNDS; r++) node.push(Array.from(await a.project()));
    const c = await a.connectome();
    nodeWeights = Array.from(c.weights);
    nodeStimulus = Array.from(c.stimulus);
    expect(nodeWeights.some((w) => w > 1)).toBe(true); // plasticity happened
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite sparse area', readyGlobal: '__sparseArea' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
    it(`gives Node's winners${backend === 'webgl' ? '' : ' and weights'} on ${backend}`, async () => {
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
      if (backend !== 'webgl') {
        expect(r.weights).toEqual(nodeWeights);
        expect(r.stimulus).toEqual(nodeStimulus);
      }
    }, 180_000);
  }
});
