import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * Kernel `GatherRowsSum`: out[j] = sum_t matrix[rows[t], j].
 * Inputs: matrix float32 [n, m], rows int32 [r]. Output float32 [m].
 */
export const GatherRowsSum = 'GatherRowsSum';
/** Inputs of the `GatherRowsSum` kernel. */
export type GatherRowsSumInputs = { matrix: TensorInfo; rows: TensorInfo } & NamedTensorInfoMap;

/**
 * Kernel `SparseGatherRowsSum` (spike propagation without the accumulate):
 * out[j] = sum_t A[rows[t], j] for a CSR A given as indptr int32 [n+1],
 * indices int32 [nnz], values float32 [nnz]. Attr nCols = m. Output float32 [m].
 */
export const SparseGatherRowsSum = 'SparseGatherRowsSum';
/** Inputs of the `SparseGatherRowsSum` kernel (a CSR as three tensors and the selected rows). */
export type SparseGatherRowsSumInputs = {
  indptr: TensorInfo;
  indices: TensorInfo;
  values: TensorInfo;
  rows: TensorInfo;
} & NamedTensorInfoMap;
/** Attributes of the `SparseGatherRowsSum` kernel. */
export interface SparseGatherRowsSumAttrs {
  /** Columns of the matrix (the output length). */
  nCols: number;
}

/**
 * Kernel `SparseMatVec`: y[i] = sum_{k = indptr[i]}^{indptr[i+1]-1} values[k] x[indices[k]].
 * Inputs: indptr int32 [n+1], indices int32 [nnz], values float32 [nnz],
 * x float32 [m]. Output float32 [n].
 */
export const SparseMatVec = 'SparseMatVec';
/** Inputs of the `SparseMatVec` kernel (a CSR as three tensors and the vector x). */
export type SparseMatVecInputs = { indptr: TensorInfo; indices: TensorInfo; values: TensorInfo; x: TensorInfo } & NamedTensorInfoMap;
