import type { TensorInfo } from '@tensorflow/tfjs-core';
import { fftEngine } from '../../fft/complex-fft-plan.js';
import { f32View, sizeOf, type WasmBackend } from './wasm-heap.js';

let work = new Float64Array(0);

/**
 * FFT (or inverse, scaled by 1/n) over the innermost axis of an interleaved
 * complex64 wasm tensor: every row of n complex numbers goes through the
 * cached float64 FFT of length n (fft.js / mixed radix / Bluestein) and is
 * rounded to float32 on the way out. Same shape in and out.
 * @internal
 */
export function fftBatchWasm(backend: WasmBackend, input: TensorInfo, inverse: boolean): TensorInfo {
  const shape = input.shape.slice();
  const out = backend.makeOutput(shape, 'complex64');
  const size = sizeOf(shape);
  const n = shape[shape.length - 1];
  if (size === 0 || n === 0) return out;
  const x = f32View(backend, input);
  const o = f32View(backend, out);
  const engine = fftEngine(n);
  if (work.length < 2 * n) work = new Float64Array(2 * n);
  const rows = size / n;
  for (let r = 0; r < rows; r++) {
    const off = 2 * n * r;
    engine.run(x, off, work, 0, inverse);
    for (let i = 0; i < 2 * n; i++) o[off + i] = work[i];
  }
  return out;
}
