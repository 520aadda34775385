import { ComplexAbs } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { complexToFloat32Wasm } from './complex-unary.js';

/** abs(z) of a complex64 tensor on wasm: |z| = hypot(re, im), float32. */
export const complexAbsWasm = complexToFloat32Wasm('x', (xv, ov) => {
  for (let i = 0; i < ov.length; i++) ov[i] = Math.hypot(xv[2 * i], xv[2 * i + 1]);
});

export const complexAbsWasmConfig: KernelConfig = { kernelName: ComplexAbs, backendName: 'wasm', kernelFunc: complexAbsWasm };
