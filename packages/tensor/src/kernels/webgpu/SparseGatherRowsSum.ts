import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { SparseGatherRowsSum } from '../../sparse/kernel-names.js';
import type { SparseGatherRowsSumAttrs, SparseGatherRowsSumInputs } from '../../sparse/kernel-names.js';
import { checkSparseGatherRowsSumInputs } from '../../sparse/kernel-impl.js';
import { FlatProgram } from './flat-program.js';

/**
 * One invocation per output column j: for each selected row s (in order) a
 * binary search for j among the row's sorted column indices; the value found
 * is added. Deterministic (no float atomics), same summation order as cpu.
 * Out-of-range rows add 0.
 */
class SparseGatherRowsSumProgram extends FlatProgram {
  variableNames = ['indptr', 'indices', 'values', 'rows'];
  shaderKey = 'neuriteSparseGatherRowsSum';
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

export function sparseGatherRowsSumWebgpu(args: {
  inputs: SparseGatherRowsSumInputs;
  backend: WebGPUBackend;
  attrs: SparseGatherRowsSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { indptr, indices, values, rows } = checkSparseGatherRowsSumInputs(inputs);
  return backend.runWebGPUProgram(new SparseGatherRowsSumProgram(attrs.nCols), [indptr, indices, values, rows], 'float32');
}

export const sparseGatherRowsSumWebgpuConfig: KernelConfig = {
  kernelName: SparseGatherRowsSum,
  backendName: 'webgpu',
  kernelFunc: sparseGatherRowsSumWebgpu as unknown as KernelFunc,
};
