import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import type { CSR } from './csr.js';
import { checkCSR } from './csr.js';

/**
 * A CSR held as three tensors on the active backend, for the registered
 * kernels (`SparseGatherRowsSum`, `SparseMatVec`). `data` is always present
 * (ones for a pattern CSR). Dispose with `tf.dispose(csrTensors)` (a type
 * alias, not an interface, so that it is a tf.TensorContainer).
 */
export type CSRTensors = {
  /** Rows of the matrix. */
  readonly nRows: number;
  /** Columns of the matrix. */
  readonly nCols: number;
  /** int32 [nRows + 1] */
  readonly indptr: tf.Tensor1D;
  /** int32 [nnz] */
  readonly indices: tf.Tensor1D;
  /** float32 [nnz] */
  readonly data: tf.Tensor1D;
};

/**
 * Upload a CSR to the active backend as int32 / float32 tensors (copies).
 * The caller owns the result: `tf.dispose(t)` frees all three tensors.
 * @throws TensorError for a malformed CSR (lengths, indptr ends).
 */
export function csrToTensors(m: CSR): CSRTensors {
  const nnz = checkCSR('csrToTensors', 'm', m);
  const indptr = tf.tensor1d(m.indptr, 'int32');
  const indices = tf.tensor1d(m.indices.subarray(0, nnz), 'int32');
  const data = m.data === null ? (tf.ones([nnz], 'float32') as tf.Tensor1D) : tf.tensor1d(m.data.subarray(0, nnz), 'float32');
  return { nRows: m.nRows, nCols: m.nCols, indptr, indices, data };
}

/** @internal true for a CSRTensors object. */
export function isCSRTensors(m: unknown): m is CSRTensors {
  return m != null && typeof m === 'object' && (m as CSRTensors).indptr instanceof tf.Tensor;
}

/** @internal Check a CSRTensors' shapes and dtypes against nRows / nCols. */
export function checkCSRTensors(fn: string, name: string, m: CSRTensors): void {
  if (!isCSRTensors(m)) throw new TensorError(name, `${fn}: ${name} must be a CSRTensors (csrToTensors(csr))`);
  const { indptr, indices, data } = m;
  if (indptr.rank !== 1 || indptr.dtype !== 'int32' || indptr.shape[0] !== m.nRows + 1) {
    throw new TensorError(
      name,
      `${fn}: ${name}.indptr must be int32 [nRows + 1 = ${m.nRows + 1}], got ${indptr.dtype} [${indptr.shape.join(', ')}]`,
    );
  }
  if (indices.rank !== 1 || indices.dtype !== 'int32') {
    throw new TensorError(name, `${fn}: ${name}.indices must be an int32 vector, got ${indices.dtype} [${indices.shape.join(', ')}]`);
  }
  if (data.rank !== 1 || data.dtype !== 'float32' || data.shape[0] !== indices.shape[0]) {
    throw new TensorError(
      name,
      `${fn}: ${name}.data must be float32 [nnz = ${indices.shape[0]}], got ${data.dtype} [${data.shape.join(', ')}]`,
    );
  }
}
