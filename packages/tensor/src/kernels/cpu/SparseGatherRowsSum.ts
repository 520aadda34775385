import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkCsrShapes, expectTensor, sparseGatherImpl } from '../../sparse/kernel-impl.js';

/** cpu: out[j] = sum_t A[rows[t], j] for a CSR A, touching only the selected rows. */
export function sparseGatherRowsSumCpu(args: { inputs: SparseGatherRowsSumInputs; backend: MathBackendCPU; attrs: SparseGatherRowsSumAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const k = SparseGatherRowsSum;
  const indptr = expectTensor(k, 'indptr', inputs.indptr, 1, 'int32');
  const indices = expectTensor(k, 'indices', inputs.indices, 1, 'int32');
  const values = expectTensor(k, 'values', inputs.values, 1, 'float32');
  const rows = expectTensor(k, 'rows', inputs.rows, 1, 'int32');
  checkCsrShapes(k, indptr, indices, values);
  const out = new Float32Array(attrs.nCols);
  const get = (t: TensorInfo) => backend.data.get(t.dataId).values;
  sparseGatherImpl(get(indptr) as Int32Array, get(indices) as Int32Array, get(values) as Float32Array, attrs.nCols, get(rows) as Int32Array, out);
  return backend.makeTensorInfo([attrs.nCols], 'float32', out);
}

export const sparseGatherRowsSumCpuConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'cpu',
  kernelFunc: sparseGatherRowsSumCpu as unknown as KernelFunc,
};
