import { ZerosLike } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** ZerosLike on wasm gains complex64: every element 0 + 0i. */
export const zerosLikeKernelName = ZerosLike;
export const zerosLikeComplexWrap = (original: KernelFunc): KernelFunc => (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  if (x.dtype !== 'complex64') return original(args);
  const b = args.backend as WasmBackend;
  const out = b.makeOutput(x.shape.slice(), 'complex64');
  f32View(b, out).fill(0);
  return out;
};
