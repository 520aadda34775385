import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from './tensor-error.js';
import { isRegistered } from './register/registered-backends.js';
import { takeInitError } from './register/guard-backend-init.js';

/** Backends Neurite knows. `auto` picks the fastest one that initialises. */
export type BackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu';
/** What {@link setBackend} accepts: a backend, or `auto` (webgpu > webgl > wasm > cpu in a browser, wasm > cpu in Node). */
export type BackendChoice = BackendName | 'auto';

/** The `.wasm` files of tfjs-backend-wasm 4.22 (which one loads depends on SIMD / threads support). */
export type WasmBinaryName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Options of {@link setBackend}. */
export interface SetBackendOptions {
  /**
   * Where a browser fetches tfjs-backend-wasm's `.wasm` files: a URL prefix
   * ending in `/` (e.g. `'/assets/'`, `'https://cdn.example/tfjs-wasm/'`) or a
   * map from each file name to its URL (what a bundler's asset import yields).
   * Passed to tfjs-backend-wasm's `setWasmPaths` before the wasm backend first
   * starts; ignored once it has started. Node needs none: there the files load
   * from the tfjs-backend-wasm package directory.
   */
  wasmPaths?: string | Record<WasmBinaryName, string>;
}

/** What is running: the backend's name and, for wasm, whether SIMD and threads are on. */
export interface BackendInfo {
  /** The active tfjs backend. */
  name: BackendName;
  /** wasm: whether the SIMD binary runs (false for other backends). */
  simd: boolean;
  /** wasm: whether the multi-threaded binary runs (false in Node, where tfjs turns threads off). */
  threads: boolean;
  /** true in Node (no window / document). */
  node: boolean;
}

const KNOWN: readonly BackendChoice[] = ['cpu', 'wasm', 'webgl', 'webgpu', 'auto'];
const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

/** The optional peer package each GPU backend needs. */
const GPU_PACKAGES = { webgl: '@tensorflow/tfjs-backend-webgl', webgpu: '@tensorflow/tfjs-backend-webgpu' } as const;
/**
 * GPU registration modules, imported through a variable so that bundlers do
 * not follow them (the GPU packages are optional; a browser app imports
 * `@neurite/tensor/webgl` or `/webgpu` itself).
 */
const GPU_MODULES: Record<'webgl' | 'webgpu', string> = { webgl: './register/webgl.js', webgpu: './register/webgpu.js' };
/** Node only: Dawn's `navigator.gpu` from the optional `webgpu` package (see register/dawn-node.ts). */
const DAWN_MODULE = './register/dawn-node.js';

/** Order `auto` tries: registered GPU backends first in a browser, wasm first in Node. */
function autoOrder(): BackendName[] {
  if (isNode) return ['wasm', 'cpu'];
  const gpu = (['webgpu', 'webgl'] as const).filter((name) => isRegistered(name));
  return [...gpu, 'wasm', 'cpu'];
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Import `name`'s registration module (tfjs backend + Neurite kernels + gradients) unless it ran. */
async function register(name: BackendName): Promise<void> {
  if (isRegistered(name)) return;
  if (name === 'cpu') {
    await import('./register/cpu.js');
    return;
  }
  if (name === 'wasm') {
    await import('./register/wasm.js');
    return;
  }
  const pkg = GPU_PACKAGES[name];
  if (!isNode) {
    throw new TensorError(
      'backend',
      `setBackend: backend "${name}" is not registered; install ${pkg} and import '@neurite/tensor/${name}' before setBackend('${name}')`,
      { code: 'ERR_BACKEND' },
    );
  }
  if (name === 'webgpu') {
    const { installDawn } = (await import(
      /* @vite-ignore */ /* webpackIgnore: true */ DAWN_MODULE
    )) as typeof import('./register/dawn-node.js');
    await installDawn();
  }
  const spec = GPU_MODULES[name];
  try {
    await import(/* @vite-ignore */ /* webpackIgnore: true */ spec);
  } catch (e) {
    const missing = messageOf(e).includes(pkg);
    throw new TensorError(
      'backend',
      missing
        ? `setBackend: backend "${name}" needs the optional package ${pkg}; install it (npm install ${pkg}@4.22.0): ${messageOf(e)}`
        : `setBackend: backend "${name}" could not be registered: ${messageOf(e)}`,
      { code: 'ERR_BACKEND', cause: e },
    );
  }
}

/** Throw unless `wasmPaths` is undefined, a string or an object. */
function checkWasmPaths(wasmPaths: unknown): void {
  if (wasmPaths !== undefined && typeof wasmPaths !== 'string' && (wasmPaths === null || typeof wasmPaths !== 'object')) {
    throw new TensorError(
      'wasmPaths',
      `setBackend: wasmPaths must be a URL prefix string or a map from .wasm file name to URL, got ${wasmPaths === null ? 'null' : typeof wasmPaths}`,
    );
  }
}

/** Pass `wasmPaths` to tfjs-backend-wasm before its first start. */
async function applyWasmPaths(wasmPaths: SetBackendOptions['wasmPaths']): Promise<void> {
  if (wasmPaths === undefined || tf.engine().registry['wasm'] != null) return;
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  try {
    setWasmPaths(wasmPaths);
  } catch (e) {
    throw new TensorError('wasmPaths', `setBackend: wasmPaths rejected by tfjs-backend-wasm: ${messageOf(e)}`, {
      code: 'ERR_BACKEND',
      cause: e,
    });
  }
}

/**
 * Collect what console.warn / console.error print while a backend starts:
 * tfjs's engine and Emscripten report the real failure there (e.g. `failed to
 * load wasm binary file at 'http://…/tfjs-backend-wasm-simd.wasm'`). The lines
 * are still printed.
 */
function captureConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const { warn, error } = console;
  const capture =
    (print: (...a: unknown[]) => void) =>
    (...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      print.apply(console, args);
    };
  console.warn = capture(warn);
  console.error = capture(error);
  return {
    lines,
    restore() {
      console.warn = warn;
      console.error = error;
    },
  };
}

/**
 * In a browser, after the wasm backend failed to start: the URL of the `.wasm`
 * file tfjs-backend-wasm 4.22 fetched (its choice by SIMD / threads support,
 * under `wasmPaths` or the page's directory) and what fetching it now gives,
 * e.g. `GET http://localhost:8000/tfjs-backend-wasm-simd.wasm -> 404 Not Found`.
 * Emscripten's own messages omit the URL.
 */
async function probeWasmFile(wasmPaths: SetBackendOptions['wasmPaths']): Promise<string | undefined> {
  if (isNode || typeof fetch !== 'function') return undefined;
  try {
    const env = tf.env();
    const simd = Boolean(await env.getAsync('WASM_HAS_SIMD_SUPPORT'));
    const threads = Boolean(await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    const file: WasmBinaryName =
      simd && threads ? 'tfjs-backend-wasm-threaded-simd.wasm' : simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
    const relative = typeof wasmPaths === 'object' && wasmPaths !== null ? wasmPaths[file] : `${wasmPaths ?? ''}${file}`;
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const url = new URL(relative, base).href;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      const type = response.headers.get('content-type') ?? 'no content type';
      return response.ok
        ? `GET ${url} -> ${response.status} (${type})`
        : `GET ${url} -> ${response.status} ${response.statusText}; serve the .wasm files and pass setBackend('wasm', { wasmPaths })`;
    } catch (e) {
      return `GET ${url} failed: ${messageOf(e)}`;
    }
  } catch {
    return undefined;
  }
}

/** Start `name`; undefined on success, else the reason it failed. */
async function start(name: BackendName, options: SetBackendOptions): Promise<Error | undefined> {
  if (tf.findBackendFactory(name) == null) {
    return new Error(
      name === 'webgl'
        ? 'tfjs-backend-webgl registered nothing: no WebGL here'
        : name === 'webgpu'
          ? 'tfjs-backend-webgpu registered nothing: no navigator.gpu here'
          : `tfjs has no "${name}" backend`,
    );
  }
  const log = captureConsole();
  let failure: Error | undefined;
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    if (!ok || tf.getBackend() !== name) failure = takeInitError(name) ?? new Error(`tfjs could not start "${name}"`);
  } catch (e) {
    failure = takeInitError(name) ?? (e instanceof Error ? e : new Error(String(e)));
  } finally {
    log.restore();
  }
  if (failure === undefined) return undefined;
  const details = log.lines.filter((l) => !failure!.message.includes(l) && !/^Initialization of backend/.test(l));
  if (name === 'wasm') {
    const probe = await probeWasmFile(options.wasmPaths);
    if (probe !== undefined) details.unshift(probe);
  }
  if (details.length === 0) return failure;
  return new Error(`${failure.message} (${details.map((l) => l.slice(0, 300)).join('; ')})`, { cause: failure });
}

/**
 * Select the backend, registering it first: the tfjs backend, Neurite's
 * kernels for it and the tfjs gradients are imported on demand, so importing
 * `@neurite/tensor` alone loads none of them. Call it before any tf op (or
 * `import '@neurite/tensor/register'` for cpu + wasm without awaiting).
 *
 * `auto` picks the fastest that works: wasm > cpu in Node; webgpu > webgl >
 * wasm > cpu in a browser, where webgl / webgpu take part only when
 * `@neurite/tensor/webgl` / `/webgpu` were imported. In Node, `webgpu` runs
 * through Dawn: the optional `webgpu` package gives Node `navigator.gpu` on the
 * machine's Vulkan driver (on Linux without a GPU: SwiftShader, e.g.
 * `VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`). In a browser bundle pass
 * `wasmPaths` (see {@link SetBackendOptions}) so the wasm backend finds its files.
 * @throws TensorError `ERR_INVALID_ARGUMENT` for an unknown name; `ERR_BACKEND`
 * (with the underlying error as `cause` and its message in the text) for a
 * backend that is not installed or cannot start here.
 */
export async function setBackend(choice: BackendChoice = 'auto', options: SetBackendOptions = {}): Promise<BackendInfo> {
  if (!KNOWN.includes(choice)) {
    throw new TensorError('backend', `setBackend: backend must be one of ${KNOWN.join(', ')}, got ${JSON.stringify(choice)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new TensorError(
      'options',
      `setBackend: options must be an object like { wasmPaths }, got ${options === null ? 'null' : typeof options}`,
    );
  }
  checkWasmPaths(options.wasmPaths);
  const order = choice === 'auto' ? autoOrder() : [choice];
  const failures: string[] = [];
  let lastCause: unknown;
  for (const name of order) {
    await register(name);
    if (name === 'wasm') await applyWasmPaths(options.wasmPaths);
    const failure = await start(name, options);
    if (failure === undefined) return backendInfo();
    failures.push(choice === 'auto' ? `${name}: ${failure.message}` : failure.message);
    lastCause = failure;
  }
  throw new TensorError(
    'backend',
    `setBackend: backend ${JSON.stringify(choice)} could not be initialised in this environment: ${failures.join('; ')}`,
    { code: 'ERR_BACKEND', cause: lastCause },
  );
}

/**
 * The active backend and its capabilities.
 * @throws TensorError `ERR_STATE` when no backend has been selected yet.
 */
export function backendInfo(): BackendInfo {
  const name = tf.getBackend() as BackendName | null;
  if (name == null)
    throw new TensorError('backend', 'backendInfo: no backend selected yet; call setBackend() first', { code: 'ERR_STATE' });
  const isWasm = name === 'wasm';
  return {
    name,
    simd: isWasm && Boolean(tf.env().getBool('WASM_HAS_SIMD_SUPPORT')),
    threads: isWasm && Boolean(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')),
    node: isNode,
  };
}
