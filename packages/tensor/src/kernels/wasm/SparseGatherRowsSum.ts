import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkSparseGatherRowsSumInputs, sparseGatherImpl } from '../../sparse/kernel-impl.js';

/** wasm: the CSR row gather as a JS loop on views of the wasm heap. */
export function sparseGatherRowsSumWasm(args: {
  inputs: SparseGatherRowsSumInputs;
  backend: BackendWasm;
  attrs: SparseGatherRowsSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { indptr, indices, values, rows } = checkSparseGatherRowsSumInputs(inputs);
  const out = backend.makeOutput([attrs.nCols], 'float32');
  try {
    const heap = (t: TensorInfo) => backend.typedArrayFromHeap(t);
    sparseGatherImpl(
      heap(indptr) as Int32Array,
      heap(indices) as Int32Array,
      heap(values) as Float32Array,
      attrs.nCols,
      heap(rows) as Int32Array,
      heap(out) as Float32Array,
    );
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  }
  return out;
}

export const sparseGatherRowsSumWasmConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'wasm',
  kernelFunc: sparseGatherRowsSumWasm as unknown as KernelFunc,
};
