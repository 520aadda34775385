/**
 * The browser side of test/browser.test.ts, bundled with esbuild as a user's app would be:
 * @neurite/snn-convert (src) and @neurite/tensor with its webgl and webgpu entries. Exposes
 * `globalThis.__snn.run(target, wasmPaths)` and `globalThis.__snn.backends()`.
 */
import { setBackend } from '@neurite/tensor';
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { listBackends } from '../../src/index.js';
import { runScenario, type ScenarioResult } from './scenario.js';

export interface SnnPageApi {
  run(target: 'webgl' | 'webgpu' | 'wasm', wasmPaths: string): Promise<ScenarioResult | { error: string }>;
  backends(wasmPaths: string): Promise<{ target: string; available: boolean }[]>;
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));

const api: SnnPageApi = {
  async run(target, wasmPaths) {
    try {
      if (target === 'wasm') await setBackend('wasm', { wasmPaths });
      return await runScenario(target);
    } catch (e) {
      return { error: describe(e) };
    }
  },
  async backends(wasmPaths) {
    await setBackend('wasm', { wasmPaths });
    return (await listBackends()).map(({ target, available }) => ({ target, available }));
  },
};

(globalThis as unknown as { __snn: SnnPageApi }).__snn = api;
