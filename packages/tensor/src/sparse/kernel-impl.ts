import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import type { CSR } from './csr.js';
import { gatherRowsSum } from './gather-rows-sum.js';
import { GatherRowsSum, SparseGatherRowsSum, SparseMatVec } from './kernel-names.js';
import type { GatherRowsSumInputs, SparseGatherRowsSumInputs, SparseMatVecInputs } from './kernel-names.js';
import { spmv } from './spmv.js';

/**
 * @internal Input checks shared by the GatherRowsSum / SparseGatherRowsSum /
 * SparseMatVec kernels of every backend, and the typed-array bodies shared by
 * the cpu and wasm kernels (both run the same JS loops on the backend's typed
 * arrays).
 */

/** The checked inputs of GatherRowsSum: matrix float32 [nRows, nCols], rows int32 [r]. */
export function checkGatherRowsSumInputs(inputs: GatherRowsSumInputs): {
  matrix: TensorInfo;
  rows: TensorInfo;
  nRows: number;
  nCols: number;
} {
  const matrix = expectTensor(GatherRowsSum, 'matrix', inputs.matrix, 2, 'float32');
  const rows = expectTensor(GatherRowsSum, 'rows', inputs.rows, 1, 'int32');
  return { matrix, rows, nRows: matrix.shape[0], nCols: matrix.shape[1] };
}

/** A CSR given as tensors: indptr int32 [nRows + 1], indices int32 [nnz], values float32 [nnz]. */
export interface CsrInputs {
  indptr: TensorInfo;
  indices: TensorInfo;
  values: TensorInfo;
  nRows: number;
  nnz: number;
}

/** The checked inputs of SparseGatherRowsSum: a CSR and rows int32 [r]. */
export function checkSparseGatherRowsSumInputs(inputs: SparseGatherRowsSumInputs): CsrInputs & { rows: TensorInfo } {
  const { vector, ...csr } = checkCsrInputs(SparseGatherRowsSum, inputs, 'rows', 'int32');
  return { ...csr, rows: vector };
}

/** The checked inputs of SparseMatVec: a CSR and x float32 [nCols]. */
export function checkSparseMatVecInputs(inputs: SparseMatVecInputs): CsrInputs & { x: TensorInfo } {
  const { vector, ...csr } = checkCsrInputs(SparseMatVec, inputs, 'x', 'float32');
  return { ...csr, x: vector };
}

/** indptr, indices, values, then the vector input `name`, then the CSR lengths. */
function checkCsrInputs(
  kernel: string,
  inputs: NamedTensorInfoMap,
  name: string,
  dtype: 'float32' | 'int32',
): CsrInputs & { vector: TensorInfo } {
  const indptr = expectTensor(kernel, 'indptr', inputs.indptr, 1, 'int32');
  const indices = expectTensor(kernel, 'indices', inputs.indices, 1, 'int32');
  const values = expectTensor(kernel, 'values', inputs.values, 1, 'float32');
  const vector = expectTensor(kernel, name, inputs[name], 1, dtype);
  const nRows = indptr.shape[0] - 1;
  if (nRows < 0) throw new TensorError('indptr', `${kernel}: indptr must have nRows + 1 >= 1 entries`);
  if (indices.shape[0] !== values.shape[0]) {
    throw new TensorError('values', `${kernel}: values must have as many entries as indices (${indices.shape[0]}), got ${values.shape[0]}`);
  }
  return { indptr, indices, values, vector, nRows, nnz: indices.shape[0] };
}

function expectTensor(kernel: string, name: string, t: TensorInfo | undefined, rank: number, dtype: 'float32' | 'int32'): TensorInfo {
  if (t == null) throw new TensorError(name, `${kernel}: input ${name} is missing`);
  if (t.shape.length !== rank || t.dtype !== dtype) {
    throw new TensorError(
      name,
      `${kernel}: ${name} must be a rank-${rank} ${dtype} tensor, got rank ${t.shape.length} ${t.dtype} [${t.shape.join(', ')}]`,
    );
  }
  return t;
}

export function denseGatherImpl(matrix: Float32Array, nRows: number, nCols: number, rows: Int32Array, out: Float32Array): void {
  gatherRowsSum({ nRows, nCols, data: matrix }, rows, out);
}

export function sparseGatherImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  nCols: number,
  rows: Int32Array,
  out: Float32Array,
): void {
  const m: CSR = { nRows: indptr.length - 1, nCols, indptr, indices, data: values };
  gatherRowsSum(m, rows, out); // validates rows and their indptr ranges
  checkColumns('SparseGatherRowsSum', m, rows);
}

export function spmvImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  nCols: number,
  x: Float32Array,
  out: Float32Array,
): void {
  const m: CSR = { nRows: indptr.length - 1, nCols, indptr, indices, data: values };
  spmv(m, x, out);
  checkColumns('SparseMatVec', m, null);
}

/**
 * Column indices of a CSR given as tensors are checked where they were used
 * (the selected rows, or all of them): an out-of-range column can only have
 * been skipped by the typed-array loops (writes and reads past a typed array
 * are no-ops), and is reported here.
 */
function checkColumns(kernel: string, m: CSR, rows: Int32Array | null): void {
  const ind = m.indices;
  const nCols = m.nCols;
  const check = (a: number, b: number): void => {
    for (let k = a; k < b; k++) {
      const c = ind[k];
      if (!(c >= 0 && c < nCols)) throw new TensorError('indices', `${kernel}: indices[${k}] must be in [0, nCols=${nCols}), got ${c}`);
    }
  };
  if (rows === null) check(0, m.indptr[m.nRows]);
  else for (let t = 0; t < rows.length; t++) check(m.indptr[rows[t]], m.indptr[rows[t] + 1]);
}
