import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import type { CSRTensors } from './csr-tensors.js';
import { checkCSRTensors, isCSRTensors } from './csr-tensors.js';
import { GatherRowsSum, SparseGatherRowsSum } from './kernel-names.js';
import { rowTensor } from './row-tensor.js';

/**
 * Tensor form of {@link gatherRowsSum}: out[j] = sum_t m[rows[t], j] on the
 * active backend, through the registered kernels `GatherRowsSum` (dense
 * float32 [n, m] matrix; other dtypes are cast) or `SparseGatherRowsSum`
 * (a CSRTensors). Returns a new float32 [m] tensor the caller disposes.
 * @throws TensorError for a matrix that is not rank 2, rows that are not an
 *   int32 vector, or (arrays; cpu/wasm tensors) row indices out of range.
 */
export function gatherRowsSumTensor(m: tf.Tensor2D | CSRTensors, rows: tf.Tensor1D | ArrayLike<number>): tf.Tensor1D {
  const fn = 'gatherRowsSumTensor';
  if (isCSRTensors(m)) {
    checkCSRTensors(fn, 'm', m);
    return tf.tidy(() => {
      const r0 = rowTensor(fn, 'rows', rows, m.nRows);
      if (r0.shape[0] === 0 || m.indices.shape[0] === 0 || m.nCols === 0) return tf.zeros([m.nCols], 'float32') as tf.Tensor1D;
      const r = bucketRowsForWebgl(r0);
      return tf
        .engine()
        .runKernel(
          SparseGatherRowsSum,
          { indptr: m.indptr, indices: m.indices, values: m.data, rows: r },
          { nCols: m.nCols },
        ) as tf.Tensor1D;
    });
  }
  if (!(m instanceof tf.Tensor) || m.rank !== 2) {
    throw new TensorError('m', `${fn}: m must be a rank-2 tensor or a CSRTensors`);
  }
  const [nRows, nCols] = m.shape;
  return tf.tidy(() => {
    const r0 = rowTensor(fn, 'rows', rows, nRows);
    if (r0.shape[0] === 0 || nCols === 0) return tf.zeros([nCols], 'float32') as tf.Tensor1D;
    const r = bucketRowsForWebgl(r0);
    const matrix = m.dtype === 'float32' ? m : tf.cast(m, 'float32');
    return tf.engine().runKernel(GatherRowsSum, { matrix, rows: r }, {}) as tf.Tensor1D;
  });
}

/**
 * webgl bakes input shapes into its shaders, so a new count of selected rows
 * (e.g. the number of neurons that spiked this step) would compile a new
 * program. There the row list is padded with -1 (rows the webgl kernels skip)
 * to the next power of two: at most ~32 programs. Other backends get it as is.
 */
function bucketRowsForWebgl(r: tf.Tensor1D): tf.Tensor1D {
  const n = r.shape[0];
  if (tf.getBackend() !== 'webgl' || (n & (n - 1)) === 0) return r;
  const padded = 2 ** Math.ceil(Math.log2(n));
  return tf.pad(r, [[0, padded - n]], -1);
}
