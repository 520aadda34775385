import { Imag } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** imag(x) on wasm: the float32 imaginary parts of an interleaved complex64 tensor. */
export const imagWasm: KernelFunc = ({ inputs, backend }) => {
  const b = backend as WasmBackend;
  const { input } = inputs as { input: TensorInfo };
  const out = b.makeOutput(input.shape.slice(), 'float32');
  const x = f32View(b, input);
  const o = f32View(b, out);
  for (let i = 0; i < o.length; i++) o[i] = x[2 * i + 1];
  return out;
};

export const imagWasmConfig: KernelConfig = { kernelName: Imag, backendName: 'wasm', kernelFunc: imagWasm };
