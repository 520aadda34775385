import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { GatherRowsSum } from '../../sparse/kernel-names.js';
import type { GatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkGatherRowsSumInputs } from '../../sparse/kernel-impl.js';

/**
 * One fragment per output column j: out[j] = sum_t matrix[rows[t], j], rows
 * read in order (the cpu summation order). Out-of-range rows add 0 (a shader
 * cannot throw). int32 inputs live in float textures: exact below 2^24.
 */
class GatherRowsSumProgram implements GPGPUProgram {
  variableNames = ['matrix', 'rows'];
  outputShape: number[];
  userCode: string;
  constructor(nRows: number, nCols: number, nSel: number) {
    this.outputShape = [nCols];
    this.userCode = `
      void main() {
        int j = getOutputCoords();
        float sum = 0.0;
        for (int t = 0; t < ${nSel}; t++) {
          int r = int(floor(getRows(t) + 0.5));
          if (r >= 0 && r < ${nRows}) {
            sum += getMatrix(r, j);
          }
        }
        setOutput(sum);
      }
    `;
  }
}

export function gatherRowsSumWebgl(args: { inputs: GatherRowsSumInputs; backend: MathBackendWebGL }): TensorInfo {
  const { inputs, backend } = args;
  const { matrix, rows, nRows, nCols } = checkGatherRowsSumInputs(inputs);
  const program = new GatherRowsSumProgram(nRows, nCols, rows.shape[0]);
  return backend.runWebGLProgram(program, [matrix, rows], 'float32');
}

export const gatherRowsSumWebglConfig: KernelConfig = {
  kernelName: GatherRowsSum,
  backendName: 'webgl',
  kernelFunc: gatherRowsSumWebgl as unknown as KernelFunc,
};
