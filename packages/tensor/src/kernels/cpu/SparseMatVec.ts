import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkSparseMatVecInputs, spmvImpl } from '../../sparse/kernel-impl.js';

/** cpu: y = A x for a CSR A (indptr, indices, values). */
export function sparseMatVecCpu(args: { inputs: SparseMatVecInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const { indptr, indices, values, x, nRows } = checkSparseMatVecInputs(inputs);
  const out = new Float32Array(nRows);
  const get = (t: TensorInfo) => backend.data.get(t.dataId).values;
  spmvImpl(get(indptr) as Int32Array, get(indices) as Int32Array, get(values) as Float32Array, x.shape[0], get(x) as Float32Array, out);
  return backend.makeTensorInfo([nRows], 'float32', out);
}

export const sparseMatVecCpuConfig: KernelConfig = {
  kernelName: SparseMatVec,
  backendName: 'cpu',
  kernelFunc: sparseMatVecCpu as unknown as KernelFunc,
};
