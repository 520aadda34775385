// Loading @neurite/tensor in the page on demand and selecting a tfjs backend. Nothing here imports
// @neurite/* or tfjs at module level: the site's server-side render never loads them, and a page
// without a demo never downloads them.
import { withBase } from 'vitepress';

/** The backends every demo offers. */
export const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The @neurite/tensor module, as a demo receives it (`tensor.tf` is tfjs). */
export type TensorModule = typeof import('@neurite/tensor');

/** Whether a backend can run in this browser: `true`, or the reason it cannot. */
export type Support = Record<BackendName, true | string>;

export function isBackend(name: unknown): name is BackendName {
  return typeof name === 'string' && (BACKENDS as readonly string[]).includes(name);
}

/** The URL prefix under which the site serves tfjs-backend-wasm's three `.wasm` files. */
export function wasmPaths(): string {
  return withBase('/tfjs-wasm/');
}

let supportPromise: Promise<Support> | undefined;

/** What this browser supports (asked once per page). */
export function detectSupport(): Promise<Support> {
  supportPromise ??= (async () => {
    const support: Support = { cpu: true, wasm: true, webgl: true, webgpu: true };
    if (typeof WebAssembly !== 'object') support.wasm = 'no WebAssembly';
    try {
      const canvas = document.createElement('canvas');
      if (!canvas.getContext('webgl2') && !canvas.getContext('webgl')) support.webgl = 'no WebGL context';
    } catch (e) {
      support.webgl = `WebGL failed: ${String(e)}`;
    }
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) support.webgpu = 'no navigator.gpu';
    else {
      try {
        if (!(await gpu.requestAdapter())) support.webgpu = 'no WebGPU adapter';
      } catch (e) {
        support.webgpu = `WebGPU failed: ${String(e)}`;
      }
    }
    return support;
  })();
  return supportPromise;
}

/** The backend a page asks for with `?backend=<name>`, if any. */
export function queryBackend(): BackendName | undefined {
  if (typeof location === 'undefined') return undefined;
  const name = new URLSearchParams(location.search).get('backend');
  return isBackend(name) ? name : undefined;
}

/** Whether the page was opened with `?autorun=1`. */
export function queryAutorun(): boolean {
  if (typeof location === 'undefined') return false;
  const v = new URLSearchParams(location.search).get('autorun');
  return v === '1' || v === 'true';
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with `backend` selected, one demo at a time: tfjs has one global backend, so two demos
 * on a page must not switch it under each other. Imports @neurite/tensor (and its `/webgl` or
 * `/webgpu` entry) on first use, then `setBackend(backend, { wasmPaths })`.
 */
export function withBackend<T>(backend: BackendName, fn: (tensor: TensorModule) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const tensor = await import('@neurite/tensor');
    if (backend === 'webgl') await import('@neurite/tensor/webgl');
    if (backend === 'webgpu') await import('@neurite/tensor/webgpu');
    await tensor.setBackend(backend, backend === 'wasm' ? { wasmPaths: wasmPaths() } : undefined);
    return fn(tensor);
  });
  queue = run.catch(() => undefined);
  return run;
}
