import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { GatherRowsSum } from '../../sparse/kernel-names.js';
import type { GatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkGatherRowsSumInputs, denseGatherImpl } from '../../sparse/kernel-impl.js';

/**
 * wasm: the JS loop runs on views of the wasm heap (no copies). The output is
 * allocated first: a malloc may grow the heap and detach earlier views.
 */
export function gatherRowsSumWasm(args: { inputs: GatherRowsSumInputs; backend: BackendWasm }): TensorInfo {
  const { inputs, backend } = args;
  const { matrix, rows, nRows, nCols } = checkGatherRowsSumInputs(inputs);
  const out = backend.makeOutput([nCols], 'float32');
  try {
    denseGatherImpl(
      backend.typedArrayFromHeap(matrix) as Float32Array,
      nRows,
      nCols,
      backend.typedArrayFromHeap(rows) as Int32Array,
      backend.typedArrayFromHeap(out) as Float32Array,
    );
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  }
  return out;
}

export const gatherRowsSumWasmConfig: KernelConfig = {
  kernelName: GatherRowsSum,
  backendName: 'wasm',
  kernelFunc: gatherRowsSumWasm as unknown as KernelFunc,
};
