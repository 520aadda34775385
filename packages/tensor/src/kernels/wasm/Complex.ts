import { Complex } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** complex(real, imag) on wasm: out[2i] = real[i], out[2i+1] = imag[i] (interleaved complex64). */
export const complexWasm: KernelFunc = ({ inputs, backend }) => {
  const b = backend as WasmBackend;
  const { real, imag } = inputs as { real: TensorInfo; imag: TensorInfo };
  const out = b.makeOutput(real.shape.slice(), 'complex64');
  const re = f32View(b, real);
  const im = f32View(b, imag);
  const o = f32View(b, out);
  for (let i = 0; i < re.length; i++) {
    o[2 * i] = re[i];
    o[2 * i + 1] = im[i];
  }
  return out;
};

export const complexWasmConfig: KernelConfig = { kernelName: Complex, backendName: 'wasm', kernelFunc: complexWasm };
