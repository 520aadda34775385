import type { BackendName } from '../backend.js';

/**
 * Which backends a registration module (register/cpu.ts, wasm.ts, webgl.ts,
 * webgpu.ts) has loaded: the tfjs backend, Neurite's kernels for it and the
 * tfjs gradients. setBackend consults it before importing one on demand.
 * @internal
 */
const registered = new Set<BackendName>();

/** Record that `name`'s registration module has run. @internal */
export function markRegistered(name: BackendName): void {
  registered.add(name);
}

/** Whether `name`'s registration module has run. @internal */
export function isRegistered(name: BackendName): boolean {
  return registered.has(name);
}
