/**
 * The browser side of test/browser.test.ts, bundled with esbuild as a user's app would be:
 * @neurite/hrr (src) and @neurite/tensor with its webgl and webgpu entries. It exposes
 * `globalThis.__hrr.run(backend, wasmPaths)` (wasmPaths: where the page serves tfjs's .wasm files).
 */
import { backendInfo, setBackend } from '@neurite/tensor';
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { runScenario, type ScenarioResult } from './scenario.js';

export interface HrrPageApi {
  run(backend: 'webgl' | 'webgpu' | 'wasm', wasmPaths: string): Promise<ScenarioResult | { error: string }>;
}

const api: HrrPageApi = {
  async run(backend, wasmPaths) {
    try {
      await setBackend(backend, backend === 'wasm' ? { wasmPaths } : undefined);
      return await runScenario(backendInfo().name);
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  },
};

(globalThis as unknown as { __hrr: HrrPageApi }).__hrr = api;
