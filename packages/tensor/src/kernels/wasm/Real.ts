import { Real } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { complexToFloat32Wasm } from './complex-unary.js';

/** real(x) on wasm: the float32 real parts of an interleaved complex64 tensor. */
export const realWasm = complexToFloat32Wasm('input', (xv, ov) => {
  for (let i = 0; i < ov.length; i++) ov[i] = xv[2 * i];
});

export const realWasmConfig: KernelConfig = { kernelName: Real, backendName: 'wasm', kernelFunc: realWasm };
