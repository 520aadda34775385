import * as tf from '@tensorflow/tfjs-core';

/**
 * Register each kernel config with tfjs unless a kernel of that name is
 * already registered for its backend (`config.backendName`), so a registration
 * module that runs after another copy of it, or after the user's own kernel,
 * changes nothing. Used by every backend's registration module.
 * @internal
 */
export function registerKernels(configs: readonly tf.KernelConfig[]): void {
  for (const config of configs) {
    if (tf.getKernel(config.kernelName, config.backendName) == null) tf.registerKernel(config);
  }
}
