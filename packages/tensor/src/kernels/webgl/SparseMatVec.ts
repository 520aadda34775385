import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkSparseMatVecInputs } from '../../sparse/kernel-impl.js';

/**
 * One fragment per row i: y[i] = sum_{k = indptr[i]}^{indptr[i+1]-1} values[k] x[indices[k]],
 * accumulated in float32. The loop bound is the constant nnz (GLSL ES 1.00
 * needs constant bounds) with an early break at the row's end.
 */
class SparseMatVecProgram implements GPGPUProgram {
  variableNames = ['indptr', 'indices', 'values', 'x'];
  outputShape: number[];
  userCode: string;
  constructor(nRows: number, nnz: number, nCols: number) {
    this.outputShape = [nRows];
    this.userCode = `
      int readInt(float v) { return int(floor(v + 0.5)); }
      void main() {
        int i = getOutputCoords();
        int start = readInt(getIndptr(i));
        int end = readInt(getIndptr(i + 1));
        float sum = 0.0;
        for (int k = 0; k < ${nnz}; k++) {
          int q = start + k;
          if (q >= end) break;
          int c = readInt(getIndices(q));
          if (c >= 0 && c < ${nCols}) sum += getValues(q) * getX(c);
        }
        setOutput(sum);
      }
    `;
  }
}

export function sparseMatVecWebgl(args: { inputs: SparseMatVecInputs; backend: MathBackendWebGL }): TensorInfo {
  const { inputs, backend } = args;
  const { indptr, indices, values, x, nRows, nnz } = checkSparseMatVecInputs(inputs);
  const program = new SparseMatVecProgram(nRows, nnz, x.shape[0]);
  return backend.runWebGLProgram(program, [indptr, indices, values, x], 'float32');
}

export const sparseMatVecWebglConfig: KernelConfig = {
  kernelName: SparseMatVec,
  backendName: 'webgl',
  kernelFunc: sparseMatVecWebgl as unknown as KernelFunc,
};
