import { Cast } from '@tensorflow/tfjs-core';
import type { DataType, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/**
 * Cast on wasm gains complex64, as on cpu: real -> complex64 gives (x, 0);
 * complex64 -> float32 / int32 / bool takes the real part (then truncates /
 * tests != 0); complex64 -> complex64 copies.
 */
export const castKernelName = Cast;
export const castComplexWrap =
  (original: KernelFunc): KernelFunc =>
  (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const dtype = (args.attrs as { dtype: DataType }).dtype;
    if (x.dtype !== 'complex64' && dtype !== 'complex64') return original(args);
    const b = args.backend as WasmBackend;
    const out = b.makeOutput(x.shape.slice(), dtype);
    if (x.dtype === 'complex64' && dtype === 'complex64') {
      f32View(b, out).set(f32View(b, x));
    } else if (dtype === 'complex64') {
      const v = b.typedArrayFromHeap(x);
      const o = f32View(b, out);
      for (let i = 0; i < v.length; i++) {
        o[2 * i] = v[i];
        o[2 * i + 1] = 0;
      }
    } else {
      const v = f32View(b, x);
      const o = b.typedArrayFromHeap(out);
      if (dtype === 'float32') for (let i = 0; i < o.length; i++) o[i] = v[2 * i];
      else if (dtype === 'int32') for (let i = 0; i < o.length; i++) o[i] = Math.trunc(v[2 * i]);
      else for (let i = 0; i < o.length; i++) o[i] = v[2 * i] !== 0 ? 1 : 0;
    }
    return out;
  };
