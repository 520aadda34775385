/**
 * The browser side of the conformance run: bundled from source by
 * test-utils/browser.ts and loaded by its test page. It exposes
 * `window.__neurite.run(backend)`, which selects the backend with setBackend
 * and runs every case.
 */
import { setBackend, backendInfo } from '../../src/index.js';
import { allCases } from '../conformance/all-cases.js';
import { runCases, type Backend, type CaseResult } from '../conformance/runner.js';

export interface PageApi {
  run(backend: Backend): Promise<{ backend: string; results: CaseResult[] } | { error: string }>;
  caseNames(): string[];
}

const api: PageApi = {
  async run(backend) {
    try {
      await setBackend(backend);
    } catch (e) {
      return { error: `setBackend(${backend}) failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    const active = backendInfo().name;
    return { backend: active, results: await runCases(allCases, backend) };
  },
  caseNames: () => allCases.map((c) => c.name),
};

(globalThis as unknown as { __neurite: PageApi }).__neurite = api;
