import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import { badIndex } from './csr.js';

/**
 * @internal Row indices as an int32 tensor. An array is checked against
 * [0, nRows) here; a tensor must be int32 of rank 1 (its values are checked
 * by the cpu / wasm kernels; the GPU kernels skip out-of-range rows).
 * Call inside tf.tidy.
 */
export function rowTensor(fn: string, name: string, rows: tf.Tensor | ArrayLike<number>, nRows: number): tf.Tensor1D {
  if (rows instanceof tf.Tensor) {
    if (rows.rank !== 1 || rows.dtype !== 'int32') {
      throw new TensorError(name, `${fn}: ${name} must be an int32 vector, got ${rows.dtype} [${rows.shape.join(', ')}]`);
    }
    return rows as tf.Tensor1D;
  }
  if (rows == null || typeof rows !== 'object' || typeof rows.length !== 'number') {
    throw new TensorError(name, `${fn}: ${name} must be an int32 tensor or an array of row indices`);
  }
  const r = new Int32Array(rows.length);
  for (let t = 0; t < rows.length; t++) {
    const v = rows[t];
    if (!(v >>> 0 === v && v < nRows)) badIndex(fn, name, t, v, nRows);
    r[t] = v;
  }
  return tf.tensor1d(r, 'int32');
}
