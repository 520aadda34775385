import { tf } from '@neurite/tensor';

/** Adam's ε, the same on every backend (float32's tfjs epsilon). */
const ADAM_EPSILON = 1e-7;

/**
 * @internal The training loop of the learning areas: `steps` gradient steps of `loss` with
 * respect to `variable` by Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-7 on every backend: tfjs's
 * default ε is the backend's epsilon(), 1e-4 on webgl, and with small gradients that changes
 * the trajectory). Resolves to the loss before each step; the losses stay on the backend until
 * the last step and are read once, asynchronously.
 */
export async function adamSteps(loss: () => tf.Scalar, variable: tf.Variable, steps: number, learningRate: number): Promise<number[]> {
  const opt = tf.train.adam(learningRate, 0.9, 0.999, ADAM_EPSILON);
  const losses: tf.Scalar[] = [];
  try {
    for (let s = 0; s < steps; s++) {
      const { value, grads } = tf.variableGrads(loss, [variable]);
      losses.push(value);
      opt.applyGradients(grads as Record<string, tf.Variable>);
      tf.dispose(Object.values(grads));
    }
    if (losses.length === 0) return [];
    const all = tf.stack(losses);
    try {
      return Array.from(await all.data());
    } finally {
      all.dispose();
    }
  } finally {
    tf.dispose(losses);
    opt.dispose();
  }
}

/** @internal The k largest inputs of each row (ties: lower index first), read asynchronously; `inputs` is disposed. */
export async function topKRows(inputs: tf.Tensor2D, k: number): Promise<Int32Array[]> {
  const { indices, values } = tf.topk(inputs, k);
  tf.dispose([inputs, values]);
  try {
    const flat = await indices.data();
    const rows = indices.shape[0];
    return Array.from({ length: rows }, (_, r) => Int32Array.from(flat.subarray(r * k, (r + 1) * k)));
  } finally {
    indices.dispose();
  }
}
