import { tf } from '@neurite/tensor';
import { checkFinite, EqPropError } from './eqprop-error.js';

/** The EP update of every coupling: ΔW_l [n_l, n_{l+1}] and Δb_l [n_{l+1}]. */
export interface HebbianDelta {
  /** ΔW_l [n_l, n_{l+1}]. */
  weights: tf.Tensor2D[];
  /** Δb_l [n_{l+1}]. */
  biases: tf.Tensor1D[];
}

/**
 * The contrastive Hebbian update of equilibrium propagation (Scellier & Bengio
 * 2017) from the layer states of a batch at the free and the nudged fixed point:
 * `free[l]`, `nudged[l]` are [B, n_l] with l = 0 the input (the same in both) and
 * states already passed through ρ. With Φ = Σ_l s_lᵀ W_l s_{l+1} + b_lᵀ s_{l+1}:
 *
 *   ΔW_l = (1/(βB)) (s_l^β ᵀ s_{l+1}^β − s_l^0 ᵀ s_{l+1}^0)     (= −∂L/∂W_l + O(β))
 *   Δb_l = (1/(βB)) Σ_b (s_{l+1}^β − s_{l+1}^0)
 *
 * Add lr·ΔW to W to descend the loss. Returns new tensors (the caller disposes).
 */
export function hebbianUpdate(free: tf.Tensor2D[], nudged: tf.Tensor2D[], beta: number): HebbianDelta {
  const fn = 'hebbianUpdate';
  checkFinite(fn, 'beta', beta);
  if (beta === 0) throw new EqPropError('beta', `${fn}: beta must be non-zero`, { code: 'ERR_OUT_OF_RANGE' });
  if (!Array.isArray(free) || !Array.isArray(nudged) || free.length !== nudged.length || free.length < 2) {
    throw new EqPropError('nudged', `${fn}: free and nudged must list the same layers (input first, at least 2)`, { code: 'ERR_SHAPE' });
  }
  free.forEach((f, l) => {
    const g = nudged[l];
    if (f.rank !== 2 || g.rank !== 2 || f.shape[0] !== g.shape[0] || f.shape[1] !== g.shape[1] || f.shape[0] !== free[0].shape[0]) {
      throw new EqPropError(`nudged[${l}]`, `${fn}: layer ${l} must be [B, n_${l}] in both phases`, { code: 'ERR_SHAPE' });
    }
  });
  const B = free[0].shape[0];
  const c = 1 / (beta * B);
  return tf.tidy(() => {
    const weights: tf.Tensor2D[] = [];
    const biases: tf.Tensor1D[] = [];
    for (let l = 0; l + 1 < free.length; l++) {
      const pos = tf.matMul(nudged[l], nudged[l + 1], true, false);
      const neg = tf.matMul(free[l], free[l + 1], true, false);
      weights.push(tf.mul(tf.sub(pos, neg), c) as tf.Tensor2D);
      biases.push(tf.mul(tf.sum(tf.sub(nudged[l + 1], free[l + 1]), 0), c) as tf.Tensor1D);
    }
    return { weights, biases };
  });
}
