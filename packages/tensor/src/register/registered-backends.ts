/**
 * Which backends a registration module (register/cpu.ts, wasm.ts, webgl.ts,
 * webgpu.ts) has loaded: the tfjs backend, Neurite's kernels for it and the
 * tfjs gradients. setBackend consults it before importing one on demand.
 * @internal
 */
export type RegisteredBackend = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

const registered = new Set<RegisteredBackend>();

/** Record that `name`'s registration module has run. @internal */
export function markRegistered(name: RegisteredBackend): void {
  registered.add(name);
}

/** Whether `name`'s registration module has run. @internal */
export function isRegistered(name: RegisteredBackend): boolean {
  return registered.has(name);
}
