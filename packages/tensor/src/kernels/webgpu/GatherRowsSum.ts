import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { GatherRowsSum } from '../../sparse/kernel-names.js';
import type { GatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { expectTensor } from '../../sparse/kernel-impl.js';

/**
 * One invocation per output column j: out[j] = sum_t matrix[rows[t] * m + j],
 * rows read in order (the cpu summation order). Out-of-range rows add 0.
 * Shapes come from uniforms, so one pipeline serves every size.
 */
class GatherRowsSumProgram implements WebGPUProgram {
  variableNames = ['matrix', 'rows'];
  outputShape: number[];
  shaderKey = 'neuriteGatherRowsSum';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;
  constructor(nCols: number) {
    this.outputShape = [nCols];
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, this.outputShape, this.workgroupSize);
  }
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
  const matrix = expectTensor(GatherRowsSum, 'matrix', inputs.matrix, 2, 'float32');
  const rows = expectTensor(GatherRowsSum, 'rows', inputs.rows, 1, 'int32');
  return backend.runWebGPUProgram(new GatherRowsSumProgram(matrix.shape[1]), [matrix, rows], 'float32');
}

export const gatherRowsSumWebgpuConfig: KernelConfig = {
  kernelName: GatherRowsSum,
  backendName: 'webgpu',
  kernelFunc: gatherRowsSumWebgpu as unknown as KernelFunc,
};
