import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkCsrShapes, expectTensor } from '../../sparse/kernel-impl.js';

/**
 * One invocation per output column j: for each selected row s (in order) a
 * binary search for j among the row's sorted column indices; the value found
 * is added. Deterministic (no float atomics), same summation order as cpu.
 * Out-of-range rows add 0.
 */
class SparseGatherRowsSumProgram implements WebGPUProgram {
  variableNames = ['indptr', 'indices', 'values', 'rows'];
  outputShape: number[];
  shaderKey = 'neuriteSparseGatherRowsSum';
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
          let nRows = uniforms.indptrShape - 1;
          let nSel = uniforms.rowsShape;
          var sum = 0.0;
          for (var t = 0; t < nSel; t++) {
            let s = rows[t];
            if (s < 0 || s >= nRows) { continue; }
            var lo = indptr[s];
            let end = indptr[s + 1];
            var hi = end;
            loop {
              if (lo >= hi) { break; }
              let mid = (lo + hi) / 2;
              if (indices[mid] < index) { lo = mid + 1; } else { hi = mid; }
            }
            if (lo < end && indices[lo] == index) { sum = sum + values[lo]; }
          }
          setOutputAtIndex(index, sum);
        }
      }
    `;
  }
}

export function sparseGatherRowsSumWebgpu(args: { inputs: SparseGatherRowsSumInputs; backend: WebGPUBackend; attrs: SparseGatherRowsSumAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const k = SparseGatherRowsSum;
  const indptr = expectTensor(k, 'indptr', inputs.indptr, 1, 'int32');
  const indices = expectTensor(k, 'indices', inputs.indices, 1, 'int32');
  const values = expectTensor(k, 'values', inputs.values, 1, 'float32');
  const rows = expectTensor(k, 'rows', inputs.rows, 1, 'int32');
  checkCsrShapes(k, indptr, indices, values);
  return backend.runWebGPUProgram(new SparseGatherRowsSumProgram(attrs.nCols), [indptr, indices, values, rows], 'float32');
}

export const sparseGatherRowsSumWebgpuConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'webgpu',
  kernelFunc: sparseGatherRowsSumWebgpu as unknown as KernelFunc,
};
