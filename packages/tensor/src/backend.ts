import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import { TensorError } from './tensor-error.js';
import './kernels/register-all.js';
import './generated/register-gradients.js';

/** Backends Neurite knows. `auto` picks the fastest one that initialises. */
export type BackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu';
export type BackendChoice = BackendName | 'auto';

/** What is running: the backend's name and, for wasm, whether SIMD and threads are on. */
export interface BackendInfo {
  name: BackendName;
  simd: boolean;
  threads: boolean;
  /** true in Node (no window / document). */
  node: boolean;
}

const KNOWN: readonly BackendChoice[] = ['cpu', 'wasm', 'webgl', 'webgpu', 'auto'];
const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null;

/** Order `auto` tries: GPU backends first in a browser, wasm first in Node. */
function autoOrder(): BackendName[] {
  return isNode ? ['wasm', 'cpu'] : ['webgpu', 'webgl', 'wasm', 'cpu'];
}

async function registerGpu(name: 'webgl' | 'webgpu'): Promise<void> {
  if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
    await import('./kernels/register-webgl.js');
  } else {
    await import('@tensorflow/tfjs-backend-webgpu');
    await import('./kernels/register-webgpu.js');
  }
}

let wasmPathsSet = false;
/** In Node, point tfjs-backend-wasm at the .wasm files in node_modules (never the network). */
async function ensureWasmPaths(): Promise<void> {
  if (wasmPathsSet || !isNode) return;
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const req = createRequire(import.meta.url);
  const dir = path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  wasm.setWasmPaths(dir + path.sep);
  wasmPathsSet = true;
}

async function trySet(name: BackendName): Promise<boolean> {
  if (name === 'webgl' || name === 'webgpu') {
    if (isNode) return false;
    await registerGpu(name);
  }
  if (name === 'wasm') await ensureWasmPaths();
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return false;
    await tf.ready();
    // tfjs-backend-cpu advertises tfjs-node on its first write in Node; we never use tfjs-node.
    if (name === 'cpu') (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Select the backend. In Node the default is `wasm` (its `.wasm` files load from
 * node_modules); `auto` picks the fastest that works (webgpu > webgl > wasm > cpu
 * in a browser; wasm > cpu in Node).
 * @throws TensorError for an unknown name or a backend that cannot start here.
 */
export async function setBackend(choice: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (!KNOWN.includes(choice)) {
    throw new TensorError('backend', `setBackend: backend must be one of ${KNOWN.join(', ')}, got ${JSON.stringify(choice)}`);
  }
  const order = choice === 'auto' ? autoOrder() : [choice];
  for (const name of order) {
    if (await trySet(name)) return backendInfo();
  }
  throw new TensorError('backend', `setBackend: backend ${JSON.stringify(choice)} could not be initialised in this environment`);
}

/** The active backend and its capabilities. */
export function backendInfo(): BackendInfo {
  const name = tf.getBackend() as BackendName;
  const isWasm = name === 'wasm';
  return {
    name,
    simd: isWasm && Boolean(tf.env().getBool('WASM_HAS_SIMD_SUPPORT')),
    threads: isWasm && Boolean(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')),
    node: isNode,
  };
}
