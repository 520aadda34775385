import { tf } from '@neurite/tensor';

type Grad = { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] };

/** tf.customGrad for a one-input function, typed (the tfjs signature takes variadic tensors and the save function). */
export function unaryCustomGrad(fn: (x: tf.Tensor, save: tf.GradSaveFunc) => Grad): (x: tf.Tensor) => tf.Tensor {
  const f = ((...args: unknown[]) => fn(args[0] as tf.Tensor, args[1] as tf.GradSaveFunc)) as unknown as Parameters<
    typeof tf.customGrad
  >[0];
  return tf.customGrad(f) as unknown as (x: tf.Tensor) => tf.Tensor;
}
