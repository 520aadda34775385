import { tf } from '@neurite/tensor';
import { unaryCustomGrad } from './custom-grad.js';

/** Surrogate derivative shapes for the spike's Heaviside step (BPTT training). */
export type Surrogate = 'atan' | 'triangle';

/**
 * One leaky integrate-and-fire step with reset by subtraction (θ per channel,
 * broadcast over the last axis; β the leak per step, dimensionless):
 *
 *   v ← β·v + x;   s = [v ≥ θ];   v ← v − θ·s;   output θ·s
 *
 * β = 1 is the IF neuron of ANN → SNN conversion. With dt = 1 this is NIR's LIF
 * under forward Euler with τ = 1/(1 − β), R = τ and v_leak = 0 (v' = (1 − dt/τ) v + (R dt/τ) x),
 * snnTorch's `Leaky` with `reset_mechanism='subtract'` and Norse's LIF up to the
 * voltage scale. Without `surrogate` this is the plain (inference) step. With one, s gets a
 * surrogate gradient in u = (v − θ)/θ:
 *   atan (SpikingJelly's ATan, α = 2):  ∂s/∂u = (α/2) / (1 + (π α u / 2)²)
 *   triangle (width 1):                 ∂s/∂u = max(0, 1 − |u|)
 * and with `detachReset` the reset term θ·s is cut from the graph (Zenke &
 * Vogels 2021). Returns the new membrane, the weighted spikes θ·s and the binary spikes s;
 * the caller disposes them.
 *
 * @example
 * ```ts
 * import { tf } from '@neurite/tensor';
 * import { lifStep } from '@neurite/snn-convert';
 * const r = lifStep(tf.zeros([1, 2]), tf.tensor2d([[0.6, 1.2]]), tf.tensor1d([1]), 0.9);
 * console.log(await r.s.data()); // [0, 1]
 * ```
 */
export function lifStep(
  v: tf.Tensor,
  x: tf.Tensor,
  theta: tf.Tensor,
  beta = 1,
  surrogate?: Surrogate,
  detachReset = true,
): { v: tf.Tensor; out: tf.Tensor; s: tf.Tensor } {
  const [nv, out, s] = tf.tidy(() => {
    const vi = beta === 1 ? tf.add(v, x) : tf.add(tf.mul(v, beta), x);
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
