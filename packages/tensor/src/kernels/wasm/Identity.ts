import { Identity } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** Identity on wasm gains complex64 (a copy of the interleaved pairs). */
export const identityKernelName = Identity;
export const identityComplexWrap = (original: KernelFunc): KernelFunc => (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  if (x.dtype !== 'complex64') return original(args);
  const b = args.backend as WasmBackend;
  const out = b.makeOutput(x.shape.slice(), 'complex64');
  f32View(b, out).set(f32View(b, x));
  return out;
};
