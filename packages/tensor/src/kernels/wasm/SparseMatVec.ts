import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkSparseMatVecInputs, spmvImpl } from '../../sparse/kernel-impl.js';

/** wasm: y = A x as a JS loop on views of the wasm heap. */
export function sparseMatVecWasm(args: { inputs: SparseMatVecInputs; backend: BackendWasm }): TensorInfo {
  const { inputs, backend } = args;
  const { indptr, indices, values, x, nRows } = checkSparseMatVecInputs(inputs);
  const out = backend.makeOutput([nRows], 'float32');
  try {
    const heap = (t: TensorInfo) => backend.typedArrayFromHeap(t);
    spmvImpl(
      heap(indptr) as Int32Array,
      heap(indices) as Int32Array,
      heap(values) as Float32Array,
      x.shape[0],
      heap(x) as Float32Array,
      heap(out) as Float32Array,
    );
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  }
  return out;
}

export const sparseMatVecWasmConfig: KernelConfig = {
  kernelName: SparseMatVec,
  backendName: 'wasm',
  kernelFunc: sparseMatVecWasm as unknown as KernelFunc,
};
