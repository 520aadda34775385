import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

/**
 * Wrap a unary wasm kernel (input `x`) so a complex64 input takes the complex
 * path: the output is complex64 of the same shape, `fill(xv, ov)` writes it
 * from the interleaved input (both 2 * size floats). Other dtypes go to the
 * original kernel.
 * @internal
 */
export function withComplexUnary(fill: (xv: Float32Array, ov: Float32Array) => void): (original: KernelFunc) => KernelFunc {
  return (original) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype !== 'complex64') return original(args);
    const b = args.backend as WasmBackend;
    const out = b.makeOutput(x.shape.slice(), 'complex64');
    fill(f32View(b, x), f32View(b, out));
    return out;
  };
}

/**
 * A wasm kernel from a complex64 tensor (input `inputName`) to a float32
 * tensor of the same shape: `fill(xv, ov)` writes the size floats of `ov`
 * from the 2 * size interleaved floats of `xv`.
 * @internal
 */
export function complexToFloat32Wasm(inputName: string, fill: (xv: Float32Array, ov: Float32Array) => void): KernelFunc {
  return ({ inputs, backend }) => {
    const b = backend as WasmBackend;
    const x = (inputs as Record<string, TensorInfo>)[inputName];
    const out = b.makeOutput(x.shape.slice(), 'float32');
    fill(f32View(b, x), f32View(b, out));
    return out;
  };
}
