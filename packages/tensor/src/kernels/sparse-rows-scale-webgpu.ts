import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { checkSparseRowsScaleInputs, SparseRowsScale } from './sparse-rows-scale-impl.js';
import type { SparseRowsScaleAttrs, SparseRowsScaleInputs } from './sparse-rows-scale-impl.js';

/** Invocations that share one selected row (one workgroup a row). */
const LANES = 64;

/**
 * One workgroup of 64 invocations per selected row r: invocation `lane` walks the row's entries
 * e = indptr[r] + lane, + 64, …, looks the column up in the ascending `cols` by binary search,
 * and scales a selected entry in place. `values` is bound as the program's read-write output
 * (`result`), so nothing else is written and nothing is copied: O(entries of the selected rows)
 * work. Rows are distinct, so no two invocations write one entry. f32 multiplication is
 * correctly rounded in WGSL, the same product as Math.fround(v * factor).
 */
class SparseRowsScaleProgram implements WebGPUProgram {
  variableNames = ['indptr', 'indices', 'rows', 'cols'];
  shaderKey = 'neuriteSparseRowsScale';
  outputShape: number[];
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  uniforms = 'factor : f32, cap : f32,';
  constructor(nnz: number, nSel: number) {
    this.outputShape = [nnz];
    this.dispatch = [nSel, 1, 1]; // the backend folds x beyond the device limit into y and z
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        let t = index / ${LANES};
        let lane = index - t * ${LANES};
        if (t >= uniforms.rowsShape) { return; }
        let r = rows[t];
        if (r < 0 || r >= uniforms.indptrShape - 1) { return; }
        let nCols = uniforms.colsShape;
        let end = indptr[r + 1];
        for (var e = indptr[r] + lane; e < end; e = e + ${LANES}) {
          let j = indices[e];
          var lo = 0;
          var hi = nCols;
          loop {
            if (lo >= hi) { break; }
            let mid = (lo + hi) / 2;
            if (cols[mid] < j) { lo = mid + 1; } else { hi = mid; }
          }
          if (lo < nCols && cols[lo] == j) {
            result[e] = min(result[e] * uniforms.factor, uniforms.cap);
          }
        }
      }
    `;
  }
}

/** The backend's record of a tensor's data: the host copy a read leaves behind. */
interface WebgpuTensorData {
  values: unknown;
}

function sparseRowsScaleWebgpu(args: { inputs: SparseRowsScaleInputs; backend: WebGPUBackend; attrs: SparseRowsScaleAttrs }): TensorInfo {
  const { backend, attrs } = args;
  const { indptr, indices, values, rows, cols } = checkSparseRowsScaleInputs(args.inputs);
  const nSel = rows.shape[0];
  if (nSel > 0 && cols.shape[0] > 0 && values.shape[0] > 0) {
    const program = new SparseRowsScaleProgram(values.shape[0], nSel);
    const out = { dataId: values.dataId, shape: values.shape, dtype: values.dtype };
    backend.runWebGPUProgram(
      program,
      [indptr, indices, rows, cols],
      'float32',
      [
        { type: 'float32', data: [attrs.factor] },
        { type: 'float32', data: [attrs.maxWeight] },
      ],
      out,
    );
    // a read before left a host copy of the old values beside the buffer: drop it, the buffer is the truth now
    (backend.tensorMap.get(values.dataId) as unknown as WebgpuTensorData).values = null;
  }
  backend.incRef(values.dataId);
  return { dataId: values.dataId, shape: values.shape, dtype: values.dtype };
}

/** @internal */
export const sparseRowsScaleWebgpuConfig: KernelConfig = {
  kernelName: SparseRowsScale,
  backendName: 'webgpu',
  kernelFunc: sparseRowsScaleWebgpu as unknown as KernelFunc,
};
