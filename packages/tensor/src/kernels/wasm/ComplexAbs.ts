import { ComplexAbs } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** abs(z) of a complex64 tensor on wasm: |z| = hypot(re, im), float32. */
export const complexAbsWasm: KernelFunc = ({ inputs, backend }) => {
  const b = backend as WasmBackend;
  const { x } = inputs as { x: TensorInfo };
  const out = b.makeOutput(x.shape.slice(), 'float32');
  const v = f32View(b, x);
  const o = f32View(b, out);
  for (let i = 0; i < o.length; i++) o[i] = Math.hypot(v[2 * i], v[2 * i + 1]);
  return out;
};

export const complexAbsWasmConfig: KernelConfig = { kernelName: ComplexAbs, backendName: 'wasm', kernelFunc: complexAbsWasm };
