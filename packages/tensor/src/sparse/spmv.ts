import { TensorError } from '../tensor-error.js';
import type { CSR } from './csr.js';
import { badRow, checkCSR, prepareOut } from './csr.js';

/**
 * Sparse matrix-vector product y = m x:
 *
 *   y[i] = sum_{k in row i} data[k] * x[indices[k]]   (data null: x[indices[k]])
 *
 * Each row is accumulated in double precision and rounded to float32 once.
 * Cost O(nnz + nRows). `out` (length nRows) is overwritten and returned.
 * @throws TensorError when x.length !== nCols or out has the wrong length.
 */
export function spmv(m: CSR, x: ArrayLike<number>, out?: Float32Array): Float32Array {
  const fn = 'spmv';
  const nnz = checkCSR(fn, 'm', m);
  if (x == null || typeof x !== 'object' || x.length !== m.nCols) {
    throw new TensorError(
      'x',
      `${fn}: x must be an array of length nCols = ${m.nCols}, got ${x == null ? String(x) : `length ${x.length}`}`,
    );
  }
  const y = prepareOut(fn, out, m.nRows);
  const indptr = m.indptr;
  const indices = m.indices;
  const data = m.data;
  const nRows = m.nRows;
  let k = 0;
  for (let i = 0; i < nRows; i++) {
    const end = indptr[i + 1];
    if (!(k === indptr[i] && k <= end && end <= nnz)) badRow(fn, 'm', i);
    let s = 0;
    if (data === null) for (; k < end; k++) s += x[indices[k]];
    else for (; k < end; k++) s += data[k] * x[indices[k]];
    y[i] = s;
  }
  return y;
}
