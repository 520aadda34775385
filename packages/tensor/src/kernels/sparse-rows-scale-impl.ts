import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';

/**
 * Kernel `SparseRowsScale`: multiply, in place, the stored entries (r, j) of a CSR with r
 * among the selected rows and j among the selected columns by `factor`, capped at `maxWeight`:
 *
 *   values[e] ← min(fround(values[e] · factor), maxWeight)   for e ∈ [indptr[r], indptr[r+1]), r ∈ rows, indices[e] ∈ cols
 *
 * Inputs: indptr int32 [nRows + 1], indices int32 [nnz], values float32 [nnz] (written in place),
 * rows int32 [r] (distinct), cols int32 [c] (strictly ascending). Attrs: nCols, factor and maxWeight
 * (float32 values). The output is `values` itself (same data id).
 */
export const SparseRowsScale = 'SparseRowsScale';
/** Inputs of the SparseRowsScale kernel (see {@link SparseRowsScale}). */
export type SparseRowsScaleInputs = {
  indptr: TensorInfo;
  indices: TensorInfo;
  values: TensorInfo;
  rows: TensorInfo;
  cols: TensorInfo;
} & NamedTensorInfoMap;
/** Attributes of the SparseRowsScale kernel. */
export interface SparseRowsScaleAttrs {
  /** Columns of the CSR (for the cpu/wasm column mask). */
  nCols: number;
  /** The factor, a float32 value. */
  factor: number;
  /** The cap, a float32 value (Infinity: none). */
  maxWeight: number;
}

/** @internal The inputs of SparseRowsScale after the shape and dtype checks every backend runs. */
export function checkSparseRowsScaleInputs(inputs: SparseRowsScaleInputs): SparseRowsScaleInputs {
  const want: Array<[keyof SparseRowsScaleInputs & string, 'int32' | 'float32']> = [
    ['indptr', 'int32'],
    ['indices', 'int32'],
    ['values', 'float32'],
    ['rows', 'int32'],
    ['cols', 'int32'],
  ];
  for (const [name, dtype] of want) {
    const t = inputs[name];
    if (t == null) throw new TensorError(name, `${SparseRowsScale}: input ${name} is missing`);
    if (t.shape.length !== 1 || t.dtype !== dtype) {
      throw new TensorError(name, `${SparseRowsScale}: ${name} must be a rank-1 ${dtype} tensor, got ${t.dtype} [${t.shape.join(', ')}]`);
    }
  }
  if (inputs.values.shape[0] !== inputs.indices.shape[0]) {
    throw new TensorError('values', `${SparseRowsScale}: values must have as many entries as indices (${inputs.indices.shape[0]})`);
  }
  return inputs;
}

/**
 * @internal The typed-array body of the cpu and wasm kernels: the loop above on the backend's
 * own arrays (the wasm heap's views on wasm), with a mask of the selected columns. Rows out of
 * range are skipped, as on webgpu.
 */
export function sparseRowsScaleImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  rows: Int32Array,
  cols: Int32Array,
  attrs: SparseRowsScaleAttrs,
): void {
  const nRows = indptr.length - 1;
  const mask = new Uint8Array(attrs.nCols);
  for (let t = 0; t < cols.length; t++) {
    const j = cols[t];
    if (j >= 0 && j < attrs.nCols) mask[j] = 1;
  }
  const f = Math.fround(attrs.factor);
  const cap = Math.fround(attrs.maxWeight);
  for (let t = 0; t < rows.length; t++) {
    const r = rows[t];
    if (!(r >= 0 && r < nRows)) continue;
    for (let e = indptr[r], end = indptr[r + 1]; e < end; e++) {
      if (mask[indices[e]] === 1) {
        const v = Math.fround(values[e] * f);
        values[e] = v > cap ? cap : v;
      }
    }
  }
}
