import { FFT } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { fftBatchWasm } from './fft-batch.js';
import type { WasmBackend } from './wasm-heap.js';

/** tf.spectral.fft on wasm: X[k] = sum_t x[t] e^{-2 pi i k t / n} over the innermost axis. */
export const fftWasm: KernelFunc = ({ inputs, backend }) =>
  fftBatchWasm(backend as WasmBackend, (inputs as { input: TensorInfo }).input, false);

export const fftWasmConfig: KernelConfig = { kernelName: FFT, backendName: 'wasm', kernelFunc: fftWasm };
