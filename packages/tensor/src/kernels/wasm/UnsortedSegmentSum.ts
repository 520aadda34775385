import { UnsortedSegmentSum } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { sizeOf, type WasmBackend } from './wasm-heap.js';

/**
 * unsortedSegmentSum on wasm (missing in tfjs-backend-wasm 4.22; tf.gather's
 * gradient needs it): with segmentIds of shape S (size m) and x of shape S ++ I,
 *   out[s, i] = sum_{k : segmentIds[k] = s} x[k, i],  s = 0..numSegments-1
 * (ids outside [0, numSegments) are dropped). float32 or int32.
 */
export const unsortedSegmentSumWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const b = backend as WasmBackend;
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const inner = x.shape.slice(segmentIds.shape.length);
  const innerSize = sizeOf(inner);
  const m = sizeOf(segmentIds.shape);
  const acc = new Float64Array(numSegments * innerSize);
  const out = b.makeOutput([numSegments, ...inner], x.dtype);
  const xv = b.typedArrayFromHeap(x);
  const ids = b.typedArrayFromHeap(segmentIds);
  for (let k = 0; k < m; k++) {
    const s = ids[k];
    if (s < 0 || s >= numSegments) continue;
    const src = k * innerSize;
    const dst = s * innerSize;
    for (let i = 0; i < innerSize; i++) acc[dst + i] += xv[src + i];
  }
  b.typedArrayFromHeap(out).set(acc);
  return out;
};

export const unsortedSegmentSumWasmConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSumWasm,
};
