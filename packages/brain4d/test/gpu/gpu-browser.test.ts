/**
 * The webgpu engine in headless Debian Chromium (WebGPU on SwiftShader) against the fixed engine
 * in Node: CUBA with 1000 neurons over 200 ms gives the same spikes, bit for bit. Skipped without
 * /usr/bin/chromium, failing when process.env.CI is set.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, openTestPage, type TestPage } from '../../../../test-utils/browser.js';
import { Simulator } from '../../src/index.js';
import type { GpuPageApi, GpuPageRun } from '../browser/gpu-entry.js';
import { cubaSmall } from './cuba-small.js';

const PAGE_ENTRY = fileURLToPath(new URL('../browser/gpu-entry.ts', import.meta.url));

describeInChromium('webgpu engine in headless Chromium', () => {
  let browser: TestPage | undefined;

  beforeAll(async () => {
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite brain4d webgpu', readyGlobal: '__brain4dGpu' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("CUBA, 1000 neurons, 200 ms: Chromium's webgpu spikes equal Node's fixed-engine spikes", async () => {
    const net = cubaSmall(1000);
    const cpu = new Simulator(net, { engine: 'fixed' });
    cpu.run(200);
    const r = (await browser!.page.evaluate(
      ([n, ms]) => (globalThis as unknown as { __brain4dGpu: GpuPageApi }).__brain4dGpu.run(n, ms as number),
      [net, 200] as const,
    )) as GpuPageRun | { error: string };
    if ('error' in r) throw browser!.error(r.error);
    expect(r.shared).toBe(true);
    expect(r.ids.length).toBeGreaterThan(500);
    expect(r.steps).toEqual(Array.from(cpu.spikes().steps));
    expect(r.ids).toEqual(Array.from(cpu.spikes().ids));
    expect(browser!.pageErrors).toEqual([]);
  }, 180_000);
});
