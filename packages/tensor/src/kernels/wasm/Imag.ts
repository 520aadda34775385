import { Imag } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { complexToFloat32Wasm } from './complex-unary.js';

/** imag(x) on wasm: the float32 imaginary parts of an interleaved complex64 tensor. */
export const imagWasm = complexToFloat32Wasm('input', (xv, ov) => {
  for (let i = 0; i < ov.length; i++) ov[i] = xv[2 * i + 1];
});

export const imagWasmConfig: KernelConfig = { kernelName: Imag, backendName: 'wasm', kernelFunc: imagWasm };
