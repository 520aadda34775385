import { tf } from '@neurite/tensor';
import type { Activation, Dynamics } from './energy-network.js';
import { checkInt, EqPropError } from './eqprop-error.js';

/** Parameters as tensors: W_l [n_l, n_{l+1}], b_l [n_{l+1}] (the layout of EnergyNetwork). */
export interface TensorParams {
  /** W_l [n_l, n_{l+1}]. */
  weights: tf.Tensor2D[];
  /** b_l [n_{l+1}]. */
  biases: tf.Tensor1D[];
}

/** Options of {@link relaxTensors}. */
export interface RelaxTensorsOptions {
  /** Number of steps (a fixed count: the unrolled graph BPTT differentiates). */
  steps: number;
  /** Update rule (default 'laborieux'). */
  dynamics?: Dynamics;
  /** Nonlinearity ρ (default 'hard-sigmoid'). */
  activation?: Activation;
  /** Damping γ (default 0.5). */
  gamma?: number;
  /** Euler step ε of 'scellier' (default 0.5). */
  stepSize?: number;
  /** Nudging β with the MSE cost towards `target` (default 0: free phase). */
  beta?: number;
  /** One-hot targets [B, n_L] for the nudged phase. */
  target?: tf.Tensor2D;
  /** Initial states [B, n_l] for l = 1…L (default zeros). */
  init?: tf.Tensor2D[];
  /**
   * The input part of u_1 [B, n_1] computed by the caller (e.g. a convolution of x); replaces
   * x W_0 + b_0, and `weights[0]`/`biases[0]` are then not used.
   */
  drive?: tf.Tensor2D;
}

/**
 * The relaxation of {@link relaxPhase} written with tfjs ops (MSE cost, every
 * layer 1…L a state), so tfjs autodiff can differentiate through the unrolled
 * steps: the BPTT reference EP is checked against, and the baseline whose memory
 * grows with the step count. Returns the states [B, n_l] for l = 1…L after
 * `steps` steps (new tensors; the caller disposes).
 */
export function relaxTensors(params: TensorParams, x: tf.Tensor2D, options: RelaxTensorsOptions): tf.Tensor2D[] {
  const fn = 'relaxTensors';
  const steps = checkInt(fn, 'steps', options.steps, 0);
  const { weights, biases } = params;
  const L = weights.length;
  if (L < 1 || biases.length !== L)
    throw new EqPropError('params', `${fn}: need as many biases as weight matrices (≥ 1)`, { code: 'ERR_SHAPE' });
  const dynamics = options.dynamics ?? 'laborieux';
  const gamma = options.gamma ?? 0.5;
  const eps = options.stepSize ?? 0.5;
  const beta = options.beta ?? 0;
  const rho = options.activation === 'sigmoid' ? (u: tf.Tensor) => tf.sigmoid(u) : (u: tf.Tensor) => tf.clipByValue(u, 0, 1);
  if (beta !== 0 && options.target === undefined) throw new EqPropError('target', `${fn}: a nudged phase needs target`);
  const B = x.shape[0];
  return tf.tidy(() => {
    const width = (l: number) => (l === 0 && options.drive ? options.drive.shape[1] : weights[l].shape[1]);
    let s: tf.Tensor2D[] = options.init
      ? options.init.map((t) => t.clone())
      : weights.map((_, l) => tf.zeros([B, width(l)]) as tf.Tensor2D);
    const drive = (l: number, st: tf.Tensor2D[]): tf.Tensor2D => {
      const below = l === 1 ? x : st[l - 2];
      let u: tf.Tensor = l === 1 && options.drive ? options.drive : tf.add(tf.matMul(below, weights[l - 1]), biases[l - 1]);
      if (l < L) u = tf.add(u, tf.matMul(st[l], weights[l], false, true));
      if (l === L && beta !== 0) u = tf.add(u, tf.mul(tf.sub(options.target!, st[L - 1]), beta));
      return u as tf.Tensor2D;
    };
    const update = (l: number, st: tf.Tensor2D[]): tf.Tensor2D => {
      const u = drive(l, st);
      if (dynamics === 'scellier') return tf.clipByValue(tf.add(st[l - 1], tf.mul(tf.sub(u, st[l - 1]), eps)), 0, 1) as tf.Tensor2D;
      return tf.add(tf.mul(st[l - 1], 1 - gamma), tf.mul(rho(u), gamma)) as tf.Tensor2D;
    };
    for (let t = 0; t < steps; t++) {
      if (dynamics === 'async') {
        const next = s.slice();
        for (let l = 1; l <= L; l += 2) next[l - 1] = update(l, s);
        const after = next.slice();
        for (let l = 2; l <= L; l += 2) after[l - 1] = update(l, next);
        s = after;
      } else {
        s = s.map((_, i) => update(i + 1, s));
      }
    }
    return s;
  });
}
