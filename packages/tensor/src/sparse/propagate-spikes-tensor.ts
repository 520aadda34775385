import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import { checkFinite } from '../tensor-validators.js';
import type { CSRTensors } from './csr-tensors.js';
import { checkCSRTensors } from './csr-tensors.js';
import { gatherRowsSumTensor } from './gather-rows-sum-tensor.js';

/**
 * Tensor form of {@link propagateSpikes}: returns target + scale * sum_{s in
 * spiking} m[s, :] as a new float32 [nCols] tensor (tensors are immutable;
 * `target` is not disposed). Runs the registered `SparseGatherRowsSum` kernel.
 * @throws TensorError for a target that is not [nCols] or a non-finite scale.
 */
export function propagateSpikesTensor(
  m: CSRTensors,
  spiking: tf.Tensor1D | ArrayLike<number>,
  target: tf.Tensor1D,
  scale = 1,
): tf.Tensor1D {
  const fn = 'propagateSpikesTensor';
  checkCSRTensors(fn, 'm', m);
  if (!(target instanceof tf.Tensor) || target.rank !== 1 || target.shape[0] !== m.nCols) {
    throw new TensorError('target', `${fn}: target must be a [nCols = ${m.nCols}] tensor`);
  }
  checkFinite(fn, 'scale', scale);
  return tf.tidy(() => {
    const input = gatherRowsSumTensor(m, spiking);
    const t = target.dtype === 'float32' ? target : tf.cast(target, 'float32');
    return tf.add(t, scale === 1 ? input : tf.mul(input, tf.scalar(scale, 'float32'))) as tf.Tensor1D;
  });
}
