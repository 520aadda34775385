/**
 * The compile targets in headless Debian Chromium (SwiftShader: webgl and webgpu without a GPU),
 * and wasm loaded from the page's own server: the scenario of test/browser/scenario.ts (dyadic
 * spiking CNNs with IF and LIF neurons and a LIF MLP, dense and event-driven, and the Loihi
 * fixed-point model) against the same scenario in Node on the cpu backend. Every value in the
 * scenario is a dyadic rational whose sums stay exact in float32 in any order, so readouts and
 * spike counts must be equal bit for bit on every backend and in both modes.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when process.env.CI is
 * set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { describeInChromium, openTestPage, WASM_PATH, type TestPage } from '../../../test-utils/browser.js';
import type { SnnPageApi } from './browser/page-entry.js';
import { runScenario, type ScenarioResult } from './browser/scenario.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));

describeInChromium('@neurite/snn-convert targets in headless Chromium (webgl, webgpu, wasm) against Node cpu', () => {
  let browser: TestPage | undefined;
  let cpu: ScenarioResult;

  beforeAll(async () => {
    await setBackend('cpu');
    cpu = await runScenario('cpu');
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite snn-convert', readyGlobal: '__snn' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the Node reference is self-consistent: dense = event, layers spike without saturating, no leaks', () => {
    expect(cpu.backend).toBe('cpu');
    expect(cpu.leaked).toBe(0);
    for (const n of cpu.nets) {
      expect(n.event, n.name).toEqual(n.dense);
      for (const [layer, s] of Object.entries(n.spikes)) expect(s, `${n.name} ${layer}`).toBeGreaterThan(0);
    }
  });

  it('listBackends in the page finds webgl and webgpu', async () => {
    const list = await browser!.page.evaluate((w) => (globalThis as unknown as { __snn: SnnPageApi }).__snn.backends(w), WASM_PATH);
    for (const t of ['cpu', 'wasm', 'webgl', 'webgpu', 'loihi']) expect(list.find((b) => b.target === t)?.available, t).toBe(true);
  }, 120_000);

  for (const target of ['webgl', 'webgpu', 'wasm'] as const) {
    it(`${target}: dense and event-driven readouts, spike counts and the Loihi model equal Node cpu bit for bit`, async () => {
      const r = await browser!.page.evaluate(([t, w]) => (globalThis as unknown as { __snn: SnnPageApi }).__snn.run(t, w), [
        target,
        WASM_PATH,
      ] as const);
      if ('error' in r) throw browser!.error(r.error);
      expect(r.backend).toBe(target);
      expect(r.leaked).toBe(0);
      for (const [k, n] of r.nets.entries()) {
        expect(n.name).toBe(cpu.nets[k].name);
        expect(n.dense, `${n.name} dense`).toEqual(cpu.nets[k].dense);
        expect(n.event, `${n.name} event`).toEqual(cpu.nets[k].event);
        expect(n.spikes, `${n.name} spikes`).toEqual(cpu.nets[k].spikes);
      }
      expect(r.loihi).toEqual(cpu.loihi);
      expect(browser!.pageErrors).toEqual([]);
    }, 180_000);
  }
});
