import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkSparseMatVecInputs } from '../../sparse/kernel-impl.js';
import { FlatProgram } from './flat-program.js';

/** One invocation per row i: y[i] = sum_{k in row i} values[k] x[indices[k]] (float32 accumulation). */
class SparseMatVecProgram extends FlatProgram {
  variableNames = ['indptr', 'indices', 'values', 'x'];
  shaderKey = 'neuriteSparseMatVec';
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let nCols = uniforms.xShape;
          let end = indptr[index + 1];
          var sum = 0.0;
          for (var q = indptr[index]; q < end; q++) {
            let c = indices[q];
            if (c >= 0 && c < nCols) { sum = sum + values[q] * x[c]; }
          }
          setOutputAtIndex(index, sum);
        }
      }
    `;
  }
}

export function sparseMatVecWebgpu(args: { inputs: SparseMatVecInputs; backend: WebGPUBackend }): TensorInfo {
  const { inputs, backend } = args;
  const { indptr, indices, values, x, nRows } = checkSparseMatVecInputs(inputs);
  return backend.runWebGPUProgram(new SparseMatVecProgram(nRows), [indptr, indices, values, x], 'float32');
}

export const sparseMatVecWebgpuConfig: KernelConfig = {
  kernelName: SparseMatVec,
  backendName: 'webgpu',
  kernelFunc: sparseMatVecWebgpu as unknown as KernelFunc,
};
