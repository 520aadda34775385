/**
 * How the wasm backend stores data, and the small helpers our wasm kernels use.
 *
 * tfjs-backend-wasm keeps every tensor in the wasm heap: `backend.dataIdMap`
 * maps a dataId to `{ id, memoryOffset, shape, dtype, refCount }` and the
 * values live at `HEAPU8[memoryOffset ...]`. It allocates
 * size * bytesPerElement(dtype) bytes, which is 8 for complex64, but none of
 * its kernels understands complex64. Neurite stores a complex64 tensor there
 * as interleaved float32 pairs [re0, im0, re1, im1, ...] (2 * size floats):
 * the same layout tfjs's cpu backend returns from `readSync` for complex64
 * (backend_util.mergeRealAndImagArrays of its {real, imag} complexTensorInfos),
 * so data moved between backends keeps its meaning.
 * @internal
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type WasmBackend = BackendWasm;

/** The wasm heap as bytes (re-read after every allocation: growth replaces the buffer). */
export function heapU8(backend: WasmBackend): Uint8Array {
  return (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8;
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}

/** Byte offset of a tensor's values in the wasm heap. */
export function heapOffset(backend: WasmBackend, info: TensorInfo): number {
  return (backend.dataIdMap.get(info.dataId) as unknown as { memoryOffset: number }).memoryOffset;
}

/**
 * A Float32Array view of a float32 or complex64 tensor's heap memory
 * (complex64: 2 * size interleaved floats). Take views only after every
 * `makeOutput` of the kernel: a heap growth detaches older views. Real
 * tensors of any dtype: `backend.typedArrayFromHeap(info)`.
 */
export function f32View(backend: WasmBackend, info: TensorInfo): Float32Array {
  if (info.dtype !== 'complex64' && info.dtype !== 'float32') {
    throw new Error(`f32View: expected float32 or complex64, got ${info.dtype}`);
  }
  const n = sizeOf(info.shape) * (info.dtype === 'complex64' ? 2 : 1);
  return new Float32Array(heapU8(backend).buffer, heapOffset(backend, info), n);
}
