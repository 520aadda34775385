import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import type { CSRTensors } from './csr-tensors.js';
import { checkCSRTensors } from './csr-tensors.js';
import { SparseMatVec } from './kernel-names.js';

/**
 * Tensor form of {@link spmv}: y = m x on the active backend through the
 * registered `SparseMatVec` kernel. Returns a new float32 [nRows] tensor.
 * @throws TensorError when x is not a vector of length nCols.
 */
export function spmvTensor(m: CSRTensors, x: tf.Tensor1D | ArrayLike<number>): tf.Tensor1D {
  const fn = 'spmvTensor';
  checkCSRTensors(fn, 'm', m);
  return tf.tidy(() => {
    let xt: tf.Tensor;
    if (x instanceof tf.Tensor) xt = x;
    else if (x != null && typeof x === 'object' && typeof x.length === 'number') xt = tf.tensor1d(Float32Array.from(x), 'float32');
    else throw new TensorError('x', `${fn}: x must be a tensor or an array of length nCols = ${m.nCols}`);
    if (xt.rank !== 1 || xt.shape[0] !== m.nCols) {
      throw new TensorError('x', `${fn}: x must be a vector of length nCols = ${m.nCols}, got [${xt.shape.join(', ')}]`);
    }
    if (xt.dtype !== 'float32') xt = tf.cast(xt, 'float32');
    if (m.indices.shape[0] === 0 || m.nRows === 0) return tf.zeros([m.nRows], 'float32') as tf.Tensor1D;
    return tf.engine().runKernel(SparseMatVec, { indptr: m.indptr, indices: m.indices, values: m.data, x: xt }, {}) as tf.Tensor1D;
  });
}
