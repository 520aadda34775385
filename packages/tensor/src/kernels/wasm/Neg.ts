import { Neg } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/** Neg on wasm gains complex64: -(re + i im). */
export const negKernelName = Neg;
export const negComplexWrap = (original: KernelFunc): KernelFunc => (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  if (x.dtype !== 'complex64') return original(args);
  const b = args.backend as WasmBackend;
  const out = b.makeOutput(x.shape.slice(), 'complex64');
  const v = f32View(b, x);
  const o = f32View(b, out);
  for (let i = 0; i < o.length; i++) o[i] = -v[i];
  return out;
};
