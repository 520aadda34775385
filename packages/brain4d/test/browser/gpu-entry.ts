/**
 * Page entry of gpu-browser.test.ts: runs a network on the webgpu engine in Chromium and hands
 * back its spikes. It imports @neurite/tensor/webgpu so the engine shares tfjs's GPUDevice.
 */
import '@neurite/tensor/webgpu';
import { tf } from '@neurite/tensor';
import { Simulator } from '../../src/index.js';

/** What the page returns. */
export interface GpuPageRun {
  steps: number[];
  ids: number[];
  /** Whether the engine ran on tfjs's webgpu device. */
  shared: boolean;
  wall: number;
}

/** The test API the page installs as `globalThis.__brain4dGpu`. */
export interface GpuPageApi {
  run(net: unknown, ms: number): Promise<GpuPageRun | { error: string }>;
}

const api: GpuPageApi = {
  async run(net, ms) {
    try {
      const sim = new Simulator(net, { engine: 'webgpu' });
      const r = await sim.runAsync(ms);
      const s = sim.spikes();
      const backend = tf.findBackend('webgpu') as unknown as { device?: GPUDevice } | null;
      const engine = (sim as unknown as { gpuEngine: { device: GPUDevice } | null }).gpuEngine;
      return {
        steps: Array.from(s.steps),
        ids: Array.from(s.ids),
        shared: backend?.device !== undefined && engine?.device === backend.device,
        wall: r.wall,
      };
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  },
};
(globalThis as unknown as { __brain4dGpu: GpuPageApi }).__brain4dGpu = api;
