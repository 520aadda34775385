import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapU8, sizeOf } from './wasm-heap.js';

let installed = false;

/**
 * Teach BackendWasm.readSync (and so read, dataSync, data, print) to return
 * complex64 tensors: the interleaved float32 pairs at the tensor's heap
 * offset, as a Float32Array of 2 * size numbers (the cpu backend's layout).
 * Other dtypes go to the original method.
 * @internal
 */
export function installComplexReadSync(): void {
  if (installed) return;
  installed = true;
  const proto = BackendWasm.prototype as unknown as {
    readSync(this: BackendWasm, dataId: object, start?: number, end?: number): unknown;
  };
  const original = proto.readSync;
  proto.readSync = function readSync(this: BackendWasm, dataId: object, start?: number, end?: number): unknown {
    const data = this.dataIdMap.get(dataId) as unknown as { dtype: string; memoryOffset: number; shape: number[] } | undefined;
    if (data == null || data.dtype !== 'complex64') return original.call(this, dataId, start, end);
    const s = start ?? 0;
    const e = end ?? sizeOf(data.shape);
    const bytes = heapU8(this).slice(data.memoryOffset + s * 8, data.memoryOffset + e * 8);
    return new Float32Array(bytes.buffer);
  };
}
