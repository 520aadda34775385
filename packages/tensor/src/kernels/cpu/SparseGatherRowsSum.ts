import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkSparseGatherRowsSumInputs, sparseGatherImpl } from '../../sparse/kernel-impl.js';

/** cpu: out[j] = sum_t A[rows[t], j] for a CSR A, touching only the selected rows. */
export function sparseGatherRowsSumCpu(args: {
  inputs: SparseGatherRowsSumInputs;
  backend: MathBackendCPU;
  attrs: SparseGatherRowsSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { indptr, indices, values, rows } = checkSparseGatherRowsSumInputs(inputs);
  const out = new Float32Array(attrs.nCols);
  const get = (t: TensorInfo) => backend.data.get(t.dataId).values;
  sparseGatherImpl(
    get(indptr) as Int32Array,
    get(indices) as Int32Array,
    get(values) as Float32Array,
    attrs.nCols,
    get(rows) as Int32Array,
    out,
  );
  return backend.makeTensorInfo([attrs.nCols], 'float32', out);
}

export const sparseGatherRowsSumCpuConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'cpu',
  kernelFunc: sparseGatherRowsSumCpu as unknown as KernelFunc,
};
