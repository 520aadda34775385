import { OnesLike } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** OnesLike on wasm gains complex64: every element 1 + 0i (as on cpu). */
export const onesLikeKernelName = OnesLike;
export const onesLikeComplexWrap = (original: KernelFunc): KernelFunc => (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  if (x.dtype !== 'complex64') return original(args);
  const b = args.backend as WasmBackend;
  const out = b.makeOutput(x.shape.slice(), 'complex64');
  const o = f32View(b, out);
  for (let i = 0; i < o.length; i += 2) { o[i] = 1; o[i + 1] = 0; }
  return out;
};
