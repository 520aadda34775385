import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { SparseMatVec } from '../../sparse/kernel-names.js';
import type { SparseMatVecInputs } from '../../sparse/kernel-names.js';
import { checkCsrShapes, expectTensor } from '../../sparse/kernel-impl.js';

/** One invocation per row i: y[i] = sum_{k in row i} values[k] x[indices[k]] (float32 accumulation). */
class SparseMatVecProgram implements WebGPUProgram {
  variableNames = ['indptr', 'indices', 'values', 'x'];
  outputShape: number[];
  shaderKey = 'neuriteSparseMatVec';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;
  constructor(nRows: number) {
    this.outputShape = [nRows];
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, this.outputShape, this.workgroupSize);
  }
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
  const k = SparseMatVec;
  const indptr = expectTensor(k, 'indptr', inputs.indptr, 1, 'int32');
  const indices = expectTensor(k, 'indices', inputs.indices, 1, 'int32');
  const values = expectTensor(k, 'values', inputs.values, 1, 'float32');
  const x = expectTensor(k, 'x', inputs.x, 1, 'float32');
  const { nRows } = checkCsrShapes(k, indptr, indices, values);
  return backend.runWebGPUProgram(new SparseMatVecProgram(nRows), [indptr, indices, values, x], 'float32');
}

export const sparseMatVecWebgpuConfig: KernelConfig = {
  kernelName: SparseMatVec,
  backendName: 'webgpu',
  kernelFunc: sparseMatVecWebgpu as unknown as KernelFunc,
};
