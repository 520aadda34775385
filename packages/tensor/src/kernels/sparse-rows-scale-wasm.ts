import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { checkSparseRowsScaleInputs, sparseRowsScaleImpl, SparseRowsScale } from './sparse-rows-scale-impl.js';
import type { SparseRowsScaleAttrs, SparseRowsScaleInputs } from './sparse-rows-scale-impl.js';

/** wasm: the selected rows' entries scaled through views of the wasm heap; returns `values` (one more reference). */
function sparseRowsScaleWasm(args: { inputs: SparseRowsScaleInputs; backend: BackendWasm; attrs: SparseRowsScaleAttrs }): TensorInfo {
  const { backend, attrs } = args;
  const { indptr, indices, values, rows, cols } = checkSparseRowsScaleInputs(args.inputs);
  const heap = (t: TensorInfo) => backend.typedArrayFromHeap(t);
  sparseRowsScaleImpl(
    heap(indptr) as Int32Array,
    heap(indices) as Int32Array,
    heap(values) as Float32Array,
    heap(rows) as Int32Array,
    heap(cols) as Int32Array,
    attrs,
  );
  backend.incRef(values.dataId);
  return { dataId: values.dataId, shape: values.shape, dtype: values.dtype };
}

/** @internal */
export const sparseRowsScaleWasmConfig: KernelConfig = {
  kernelName: SparseRowsScale,
  backendName: 'wasm',
  kernelFunc: sparseRowsScaleWasm as unknown as KernelFunc,
};
