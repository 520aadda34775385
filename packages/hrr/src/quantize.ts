import { tf, type Tensor } from '@neurite/tensor';

/** Soft quantisation (torchhd `soft_quantize`): tanh(x) elementwise. Typed arrays or a tensor (stays on the backend). */
export function softQuantize<T extends ArrayLike<number> | Tensor>(x: T): T extends Tensor ? Tensor : Float32Array;
export function softQuantize(x: ArrayLike<number> | Tensor): Float32Array | Tensor {
  if (x instanceof tf.Tensor) return tf.tanh(x);
  return Float32Array.from(x as ArrayLike<number>, Math.tanh);
}

/** Hard quantisation (torchhd `hard_quantize`): +1 where x > 0, else −1. Typed arrays or a tensor. */
export function hardQuantize<T extends ArrayLike<number> | Tensor>(x: T): T extends Tensor ? Tensor : Float32Array;
export function hardQuantize(x: ArrayLike<number> | Tensor): Float32Array | Tensor {
  if (x instanceof tf.Tensor) return tf.tidy(() => tf.sub(tf.mul(2, tf.cast(tf.greater(x, 0), 'float32')), 1));
  return Float32Array.from(x as ArrayLike<number>, (v) => (v > 0 ? 1 : -1));
}

/** Hamming similarity (torchhd `hamming_similarity`): the number of equal elements of a and b (length D each). */
export function hammingSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) s++;
  return s;
}
