import { tf } from '@neurite/tensor';

/**
 * Assembly loss: L = mean over the batch of ‖a − t‖² / (2k), a the (soft)
 * activity and t the 0/1 target assembly of k neurons. For a hard k-cap it is
 * 1 − |winners ∩ target| / k, the fraction of the target assembly missed.
 */
export function assemblyLoss(activity: tf.Tensor, target: tf.Tensor, k: number): tf.Scalar {
  return tf.tidy(() => tf.div(tf.mean(tf.sum(tf.square(tf.sub(activity, target)), -1)), 2 * k) as tf.Scalar);
}
