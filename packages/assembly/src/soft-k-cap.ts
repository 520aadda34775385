import { tf } from '@neurite/tensor';
import { checkInt, checkPositive } from './validators.js';

/**
 * θ(x): per row of x, the midpoint between its k-th and (k+1)-th largest
 * values, treated as a constant by autodiff (zero gradient).
 */
function capThreshold(x: tf.Tensor, k: number): tf.Tensor {
  const n = x.shape[x.shape.length - 1];
  const f = tf.customGrad(((xi: tf.Tensor) => {
    const { values } = tf.topk(xi, Math.min(k + 1, n));
    const kth = tf.slice(
      values,
      Array(values.rank)
        .fill(0)
        .map((_, i) => (i === values.rank - 1 ? k - 1 : 0)),
      values.shape.map((s, i) => (i === values.rank - 1 ? 1 : s)),
    );
    const next =
      k < n
        ? tf.slice(
            values,
            Array(values.rank)
              .fill(0)
              .map((_, i) => (i === values.rank - 1 ? k : 0)),
            values.shape.map((s, i) => (i === values.rank - 1 ? 1 : s)),
          )
        : tf.sub(kth, 1);
    return { value: tf.div(tf.add(kth, next), 2), gradFunc: (_dy: tf.Tensor) => tf.zerosLike(xi) };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x);
}

/**
 * Soft (differentiable) k-cap along the last axis:
 *   softKCap(x)ᵢ = σ((xᵢ − θ) / τ),
 * θ the midpoint between the k-th and (k+1)-th largest entries (no gradient
 * through θ) and τ > 0 the temperature. As τ → 0 it tends to the hard k-cap
 * (1 for the k largest, 0 otherwise).
 */
export function softKCap(x: tf.Tensor, k: number, temperature = 1): tf.Tensor {
  const n = x.shape[x.shape.length - 1];
  checkInt('softKCap', 'k', k, 1, n);
  checkPositive('softKCap', 'temperature', temperature);
  return tf.tidy(() => tf.sigmoid(tf.div(tf.sub(x, capThreshold(x, k)), temperature)));
}
