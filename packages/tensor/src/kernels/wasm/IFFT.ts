import { IFFT } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { fftBatchWasm } from './fft-batch.js';
import type { WasmBackend } from './wasm-heap.js';

/** tf.spectral.ifft on wasm: x[t] = (1/n) sum_k X[k] e^{+2 pi i k t / n} over the innermost axis. */
export const ifftWasm: KernelFunc = ({ inputs, backend }) =>
  fftBatchWasm(backend as WasmBackend, (inputs as { input: TensorInfo }).input, true);

export const ifftWasmConfig: KernelConfig = { kernelName: IFFT, backendName: 'wasm', kernelFunc: ifftWasm };
