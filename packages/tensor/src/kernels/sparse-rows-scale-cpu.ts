import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { checkSparseRowsScaleInputs, sparseRowsScaleImpl, SparseRowsScale } from './sparse-rows-scale-impl.js';
import type { SparseRowsScaleAttrs, SparseRowsScaleInputs } from './sparse-rows-scale-impl.js';

/** cpu: the selected rows' entries scaled in the backend's own Float32Array of `values`; returns `values` (one more reference). */
function sparseRowsScaleCpu(args: { inputs: SparseRowsScaleInputs; backend: MathBackendCPU; attrs: SparseRowsScaleAttrs }): TensorInfo {
  const { backend, attrs } = args;
  const { indptr, indices, values, rows, cols } = checkSparseRowsScaleInputs(args.inputs);
  const get = (t: TensorInfo) => backend.data.get(t.dataId).values;
  sparseRowsScaleImpl(
    get(indptr) as Int32Array,
    get(indices) as Int32Array,
    get(values) as Float32Array,
    get(rows) as Int32Array,
    get(cols) as Int32Array,
    attrs,
  );
  backend.incRef(values.dataId);
  return { dataId: values.dataId, shape: values.shape, dtype: values.dtype };
}

/** @internal */
export const sparseRowsScaleCpuConfig: KernelConfig = {
  kernelName: SparseRowsScale,
  backendName: 'cpu',
  kernelFunc: sparseRowsScaleCpu as unknown as KernelFunc,
};
