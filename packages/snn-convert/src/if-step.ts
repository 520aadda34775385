import type { tf } from '@neurite/tensor';
import { lifStep } from './lif-step.js';
import type { Surrogate } from './lif-step.js';

export type { Surrogate } from './lif-step.js';

/**
 * One integrate-and-fire step with reset by subtraction (θ per channel,
 * broadcast over the last axis): {@link lifStep} without leak (β = 1),
 *
 *   v ← v + x;   s = [v ≥ θ];   v ← v − θ·s;   output θ·s
 *
 * With `surrogate`, s gets a surrogate gradient (see {@link lifStep}); with
 * `detachReset` the reset term is cut from the graph. Returns the new membrane,
 * the weighted spikes θ·s and the binary spikes s; the caller disposes them.
 *
 * @example
 * ```ts
 * import { tf } from '@neurite/tensor';
 * import { ifStep } from '@neurite/snn-convert';
 * const r = ifStep(tf.tensor2d([[0.5]]), tf.tensor2d([[0.6]]), tf.tensor1d([1]));
 * console.log(await r.s.data(), await r.v.data()); // [1] [0.1]
 * ```
 */
export function ifStep(
  v: tf.Tensor,
  x: tf.Tensor,
  theta: tf.Tensor,
  surrogate?: Surrogate,
  detachReset = true,
): { v: tf.Tensor; out: tf.Tensor; s: tf.Tensor } {
  return lifStep(v, x, theta, 1, surrogate, detachReset);
}
