/**
 * The browser side of test/browser.test.ts, bundled with esbuild as a user's app would be:
 * @neurite/hrr (src) and @neurite/tensor with its webgl and webgpu entries. It exposes
 * `globalThis.__hrr.run(backend)`.
 */
import { backendInfo, setBackend } from '@neurite/tensor';
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { runScenario, type ScenarioResult } from './scenario.js';

export interface HrrPageApi {
  run(backend: 'webgl' | 'webgpu'): Promise<ScenarioResult | { error: string }>;
}

const api: HrrPageApi = {
  async run(backend) {
    try {
      await setBackend(backend);
      return await runScenario(backendInfo().name);
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  },
};

(globalThis as unknown as { __hrr: HrrPageApi }).__hrr = api;
