/**
 * The browser side of test/sparse-area-browser.test.ts, bundled from source with esbuild
 * like a user's bundle: SparseArea rounds on wasm, webgl and webgpu. Exposes `globalThis.__sparseArea`.
 */
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { backendInfo, setBackend, tf } from '@neurite/tensor';
import { SparseArea, type SparseAreaOptions } from '../../src/index.js';

export interface SparseAreaRun {
  backend: string;
  storage: string;
  winners: number[][];
  support: number;
  leaked: number;
  /** Every synapse weight and stimulus weight after the last round. */
  weights: number[];
  stimulus: number[];
}

export interface SparseAreaPageApi {
  rounds(
    backend: 'wasm' | 'webgl' | 'webgpu',
    wasmPath: string,
    opts: SparseAreaOptions,
    rounds: number,
  ): Promise<SparseAreaRun | { error: string }>;
}

const api: SparseAreaPageApi = {
  async rounds(backend, wasmPath, opts, rounds) {
    try {
      await setBackend(backend, backend === 'wasm' ? { wasmPaths: wasmPath } : {});
      const before = tf.memory().numTensors;
      const a = new SparseArea(opts);
      const winners: number[][] = [];
      for (let r = 0; r < rounds; r++) winners.push(Array.from(await a.project()));
      const support = a.support;
      const c = await a.connectome();
      a.dispose();
      return {
        backend: backendInfo().name,
        storage: a.storage,
        winners,
        support,
        leaked: tf.memory().numTensors - before,
        weights: Array.from(c.weights),
        stimulus: Array.from(c.stimulus),
      };
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  },
};

(globalThis as unknown as { __sparseArea: SparseAreaPageApi }).__sparseArea = api;
