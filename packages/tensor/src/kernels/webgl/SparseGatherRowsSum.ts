import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkSparseGatherRowsSumInputs } from '../../sparse/kernel-impl.js';

/**
 * One fragment per output column j: for each selected row s (in order), a
 * binary search for column j among the row's sorted indices; the value found
 * (if any) is added. O(nCols * nSel * log(row length)) work, no scatter or
 * atomics (WebGL has neither). Out-of-range rows add 0.
 */
class SparseGatherRowsSumProgram implements GPGPUProgram {
  variableNames = ['indptr', 'indices', 'values', 'rows'];
  outputShape: number[];
  userCode: string;
  constructor(nRows: number, nCols: number, nSel: number) {
    this.outputShape = [nCols];
    this.userCode = `
      int readInt(float v) { return int(floor(v + 0.5)); }
      void main() {
        int j = getOutputCoords();
        float sum = 0.0;
        for (int t = 0; t < ${nSel}; t++) {
          int s = readInt(getRows(t));
          if (s < 0 || s >= ${nRows}) continue;
          int lo = readInt(getIndptr(s));
          int end = readInt(getIndptr(s + 1));
          int hi = end;
          for (int it = 0; it < 32; it++) {
            if (lo >= hi) break;
            int mid = (lo + hi) / 2;
            if (readInt(getIndices(mid)) < j) lo = mid + 1; else hi = mid;
          }
          if (lo < end && readInt(getIndices(lo)) == j) sum += getValues(lo);
        }
        setOutput(sum);
      }
    `;
  }
}

export function sparseGatherRowsSumWebgl(args: {
  inputs: SparseGatherRowsSumInputs;
  backend: MathBackendWebGL;
  attrs: SparseGatherRowsSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { indptr, indices, values, rows, nRows } = checkSparseGatherRowsSumInputs(inputs);
  const program = new SparseGatherRowsSumProgram(nRows, attrs.nCols, rows.shape[0]);
  return backend.runWebGLProgram(program, [indptr, indices, values, rows], 'float32');
}

export const sparseGatherRowsSumWebglConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'webgl',
  kernelFunc: sparseGatherRowsSumWebgl as unknown as KernelFunc,
};
