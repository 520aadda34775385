import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc } from '@tensorflow/tfjs-core';

const overridden = new Set<string>();

/**
 * Replace the wasm kernel `kernelName` by `wrap(original)`, keeping its setup
 * and dispose functions (used to add a complex64 path in front of a kernel
 * tfjs-backend-wasm already has). Idempotent per kernel name.
 * @internal
 */
export function overrideWasmKernel(kernelName: string, wrap: (original: KernelFunc) => KernelFunc): void {
  if (overridden.has(kernelName)) return;
  const original = tf.getKernel(kernelName, 'wasm');
  if (original == null) throw new Error(`overrideWasmKernel: wasm has no kernel ${kernelName}`);
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ ...original, kernelFunc: wrap(original.kernelFunc) });
  overridden.add(kernelName);
}
