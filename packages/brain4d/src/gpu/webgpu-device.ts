import { setBackend, tf } from '@neurite/tensor';
import { Brain4dError } from '../brain4d-error.js';

/**
 * The GPUDevice of tfjs's webgpu backend (through @neurite/tensor's `setBackend('webgpu')`, which
 * in Node gives `navigator.gpu` from Dawn), so that the simulator and tensor code share one
 * device. The active tfjs backend is restored afterwards. Where the webgpu backend cannot be
 * registered (a browser page that did not import `@neurite/tensor/webgpu`), a device of its own
 * is requested from `navigator.gpu`.
 * @throws Brain4dError `ERR_UNSUPPORTED` when there is no WebGPU here (its cause says why).
 */
export async function webgpuDevice(): Promise<GPUDevice> {
  const deviceOf = (b: unknown) => (b as { device?: GPUDevice } | null)?.device;
  const ready = deviceOf(tf.findBackend('webgpu'));
  if (ready) return ready;
  const prev = (tf.engine() as unknown as { backendName?: string | null }).backendName;
  let cause: unknown;
  try {
    await setBackend('webgpu');
    const device = deviceOf(tf.backend());
    if (prev && prev !== 'webgpu') await tf.setBackend(prev);
    if (device) return device;
  } catch (e) {
    cause = e;
  }
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  const adapter = gpu ? await gpu.requestAdapter() : null;
  if (adapter)
    return adapter.requestDevice({ requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize } });
  const why = cause instanceof Error ? cause.message : 'no navigator.gpu or no adapter';
  throw new Brain4dError('engine', `the webgpu engine found no WebGPU device: ${why}`, {
    code: 'ERR_UNSUPPORTED',
    cause,
  });
}
