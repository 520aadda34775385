import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { GatherRowsSum } from '../../sparse/kernel-names.js';
import type { GatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkGatherRowsSumInputs } from '../../sparse/kernel-impl.js';
import { FlatProgram } from './flat-program.js';

/**
 * One invocation per output column j: out[j] = sum_t matrix[rows[t] * m + j],
 * rows read in order (the cpu summation order). Out-of-range rows add 0.
 * Shapes come from uniforms, so one pipeline serves every size.
 */
class GatherRowsSumProgram extends FlatProgram {
  variableNames = ['matrix', 'rows'];
  shaderKey = 'neuriteGatherRowsSum';
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let nRows = uniforms.matrixShape.x;
          let nCols = uniforms.matrixShape.y;
          let nSel = uniforms.rowsShape;
          var sum = 0.0;
          for (var t = 0; t < nSel; t++) {
            let r = rows[t];
            if (r >= 0 && r < nRows) {
              sum = sum + matrix[r * nCols + index];
            }
          }
          setOutputAtIndex(index, sum);
        }
      }
    `;
  }
}

export function gatherRowsSumWebgpu(args: { inputs: GatherRowsSumInputs; backend: WebGPUBackend }): TensorInfo {
  const { inputs, backend } = args;
  const { matrix, rows, nCols } = checkGatherRowsSumInputs(inputs);
  return backend.runWebGPUProgram(new GatherRowsSumProgram(nCols), [matrix, rows], 'float32');
}

export const gatherRowsSumWebgpuConfig: KernelConfig = {
  kernelName: GatherRowsSum,
  backendName: 'webgpu',
  kernelFunc: gatherRowsSumWebgpu as unknown as KernelFunc,
};
