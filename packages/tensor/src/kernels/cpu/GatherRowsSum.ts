import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { GatherRowsSum } from '../../sparse/kernel-names.js';
import type { GatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkGatherRowsSumInputs, denseGatherImpl } from '../../sparse/kernel-impl.js';

/** cpu: out[j] = sum_t matrix[rows[t], j] with a typed-array loop. */
export function gatherRowsSumCpu(args: { inputs: GatherRowsSumInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const { matrix, rows, nRows, nCols } = checkGatherRowsSumInputs(inputs);
  const out = new Float32Array(nCols);
  denseGatherImpl(
    backend.data.get(matrix.dataId).values as Float32Array,
    nRows,
    nCols,
    backend.data.get(rows.dataId).values as Int32Array,
    out,
  );
  return backend.makeTensorInfo([nCols], 'float32', out);
}

export const gatherRowsSumCpuConfig: KernelConfig = {
  kernelName: GatherRowsSum,
  backendName: 'cpu',
  kernelFunc: gatherRowsSumCpu as unknown as KernelFunc,
};
