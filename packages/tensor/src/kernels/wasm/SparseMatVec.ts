import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkCsrShapes, expectTensor, spmvImpl } from '../../sparse/kernel-impl.js';

/** wasm: y = A x as a JS loop on views of the wasm heap. */
export function sparseMatVecWasm(args: { inputs: SparseMatVecInputs; backend: BackendWasm }): TensorInfo {
  const { inputs, backend } = args;
  const k = SparseMatVec;
  const indptr = expectTensor(k, 'indptr', inputs.indptr, 1, 'int32');
  const indices = expectTensor(k, 'indices', inputs.indices, 1, 'int32');
  const values = expectTensor(k, 'values', inputs.values, 1, 'float32');
  const x = expectTensor(k, 'x', inputs.x, 1, 'float32');
  const { nRows } = checkCsrShapes(k, indptr, indices, values);
  const out = backend.makeOutput([nRows], 'float32');
  try {
    const heap = (t: TensorInfo) => backend.typedArrayFromHeap(t);
    spmvImpl(heap(indptr) as Int32Array, heap(indices) as Int32Array, heap(values) as Float32Array, x.shape[0], heap(x) as Float32Array, heap(out) as Float32Array);
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
