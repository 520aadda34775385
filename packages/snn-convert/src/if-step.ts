import { tf } from '@neurite/tensor';
import { unaryCustomGrad } from './custom-grad.js';

/** Surrogate derivative shapes for the spike's Heaviside step (BPTT fine-tuning). */
export type Surrogate = 'atan' | 'triangle';

/**
 * One integrate-and-fire step with reset by subtraction (θ per channel,
 * broadcast over the last axis):
 *
 *   v ← v + x;   s = [v ≥ θ];   v ← v − θ·s;   output θ·s
 *
 * Without `surrogate` this is the plain (inference) step. With one, s gets a
 * surrogate gradient in u = (v − θ)/θ:
 *   atan (SpikingJelly's ATan, α = 2):  ∂s/∂u = (α/2) / (1 + (π α u / 2)²)
 *   triangle (width 1):                 ∂s/∂u = max(0, 1 − |u|)
 * and with `detachReset` the reset term θ·s is cut from the graph (Zenke &
 * Vogels 2021). Returns the new membrane and the weighted spikes.
 */
export function ifStep(
  v: tf.Tensor,
  x: tf.Tensor,
  theta: tf.Tensor,
  surrogate?: Surrogate,
  detachReset = true,
): { v: tf.Tensor; out: tf.Tensor; s: tf.Tensor } {
  const [nv, out, s] = tf.tidy(() => {
    const vi = tf.add(v, x);
    let s: tf.Tensor;
    if (surrogate === undefined) s = tf.cast(tf.greaterEqual(vi, theta), 'float32');
    else s = (surrogate === 'atan' ? spikeAtan : spikeTriangle)(tf.div(tf.sub(vi, theta), theta));
    const reset = detachReset && surrogate !== undefined ? detach(s) : s;
    return [tf.sub(vi, tf.mul(reset, theta)), tf.mul(s, theta), s];
  });
  return { v: nv, out, s };
}

const spikeAtan = unaryCustomGrad((u: tf.Tensor, save: tf.GradSaveFunc) => {
  save([u]);
  return {
    value: tf.cast(tf.greaterEqual(u, 0), 'float32'),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const a = 2;
      const g = tf.div(a / 2, tf.add(1, tf.square(tf.mul((Math.PI * a) / 2, saved[0]))));
      return [tf.mul(dy, g)];
    },
  };
});

const spikeTriangle = unaryCustomGrad((u: tf.Tensor, save: tf.GradSaveFunc) => {
  save([u]);
  return {
    value: tf.cast(tf.greaterEqual(u, 0), 'float32'),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(dy, tf.relu(tf.sub(1, tf.abs(saved[0]))))],
  };
});

const detach = unaryCustomGrad((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([]);
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)] };
});
