/**
 * The browser side of the conformance run: bundled from source by
 * test-utils/browser.ts (as a user's esbuild would: platform browser, no
 * plugins) and loaded by its test page. It imports the GPU entries the way a
 * browser app does and exposes `window.__neurite`:
 * - `run(backend)` selects the backend with setBackend (wasm with `wasmPaths`
 *   pointing at the served `.wasm` files) and runs every case;
 * - `wasmWithoutPaths()` tries wasm with no `wasmPaths`, as a page that skipped
 *   the README's recipe would, and returns the error it gets.
 */
import '../../src/webgl.js';
import '../../src/webgpu.js';
import { setBackend, backendInfo, TensorError } from '../../src/index.js';
import { allCases } from '../conformance/all-cases.js';
import { runCases, type Backend, type CaseResult } from '../conformance/runner.js';

/** Where test-utils/browser.ts serves the wasm files (its WASM_PATH). */
const WASM_PATH = '/tfjs-wasm/';

export interface WasmFailure {
  isTensorError: boolean;
  code: string;
  message: string;
  causeMessage: string;
}

export interface PageApi {
  run(backend: Backend): Promise<{ backend: string; results: CaseResult[] } | { error: string }>;
  caseNames(): string[];
  wasmWithoutPaths(): Promise<WasmFailure | { started: string }>;
}

const api: PageApi = {
  async run(backend) {
    try {
      await setBackend(backend, { wasmPaths: WASM_PATH });
    } catch (e) {
      return { error: `setBackend(${backend}) failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    const active = backendInfo().name;
    return { backend: active, results: await runCases(allCases, backend) };
  },
  caseNames: () => allCases.map((c) => c.name),
  async wasmWithoutPaths() {
    try {
      return { started: (await setBackend('wasm')).name };
    } catch (e) {
      const cause = e instanceof Error ? e.cause : undefined;
      return {
        isTensorError: e instanceof TensorError,
        code: e instanceof TensorError ? e.code : '',
        message: e instanceof Error ? e.message : String(e),
        causeMessage: cause instanceof Error ? cause.message : String(cause),
      };
    }
  },
};

(globalThis as unknown as { __neurite: PageApi }).__neurite = api;
