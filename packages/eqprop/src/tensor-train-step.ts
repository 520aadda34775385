import { tf } from '@neurite/tensor';
import type { Activation, Dynamics } from './energy-network.js';
import { checkFinite, checkInt, EqPropError } from './eqprop-error.js';
import { hebbianUpdate } from './hebbian-update.js';
import { relaxTensors } from './relax-tensors.js';
import type { TensorParams } from './relax-tensors.js';

/** Settings of {@link tensorTrainStep}: fixed step counts (no early stop), MSE cost. */
export interface TensorTrainStepOptions {
  /** Steps of the free phase (from zero states). */
  freeSteps: number;
  /** Steps of each nudged phase (from the free fixed point). */
  nudgedSteps: number;
  /** Nudging strength β ≠ 0 (its sign is used as given: draw it per step for a random-sign estimator). */
  beta: number;
  /** Learning rate α_l per weight matrix. */
  lr: number[];
  /** Update rule (default 'laborieux'). */
  dynamics?: Dynamics;
  /** Nonlinearity ρ (default 'hard-sigmoid'). */
  activation?: Activation;
  /** Damping γ of 'laborieux' and 'async' (default 0.5). */
  gamma?: number;
  /** Euler step ε of 'scellier' (default 0.5). */
  stepSize?: number;
  /** 'one-sided' (β) or 'symmetric' (±β, a third phase; Laborieux et al. 2021). Default 'one-sided'. */
  estimator?: 'one-sided' | 'symmetric';
}

/** What {@link tensorTrainStep} returns: new tensors the caller owns. */
export interface TensorTrainStepResult {
  /** The parameters after the update (the inputs are not disposed). */
  params: TensorParams;
  /** Mean cost ½‖s_L − y‖² over the batch at the free fixed point (before the update). */
  loss: tf.Scalar;
  /** The free states s_l [B, n_l], l = 1…L. */
  free: tf.Tensor2D[];
}

/**
 * One equilibrium-propagation training step written entirely in tfjs ops, so it
 * runs on whichever backend is active (cpu, wasm, webgl, webgpu) with nothing read
 * back: the free phase and the nudged phase(s) of {@link relaxTensors} (the
 * equations of EqPropKernel's relaxation, MSE cost, zero initial states, a fixed
 * number of steps), then {@link hebbianUpdate} and W_l ← W_l + α_l ΔW_l,
 * b_l ← b_l + α_l Δb_l with
 *
 *   one-sided:  ΔW_l = (1/(βB)) (s_l^β ᵀ s_{l+1}^β − s_l^0 ᵀ s_{l+1}^0)
 *   symmetric:  ΔW_l = (1/(2βB)) (s_l^β ᵀ s_{l+1}^β − s_l^{−β} ᵀ s_{l+1}^{−β})
 *
 * (s_0 = x). It computes what `EqPropKernel.trainBatch` computes for the same settings
 * (`epsilon: 0`, no persistent particles, no spectral bound), up to float32 rounding:
 * the kernel runs fused WebAssembly loops on the CPU, this runs on the GPU too.
 *
 * @example
 * ```ts
 * import { setBackend, tf } from '@neurite/tensor';
 * import { createNetwork, tensorTrainStep } from '@neurite/eqprop';
 *
 * await setBackend('cpu'); // or 'wasm'; 'webgl' and 'webgpu' in a browser
 * const net = createNetwork([4, 8, 2], 0);
 * let params = {
 *   weights: net.weights.map((w, l) => tf.tensor2d(w, [net.sizes[l], net.sizes[l + 1]])),
 *   biases: net.biases.map((b) => tf.tensor1d(b)),
 * };
 * const x = tf.tensor2d([[1, 0, 1, 0], [0, 1, 0, 1]]);
 * const y = tf.tensor2d([[1, 0], [0, 1]]);
 * const step = tensorTrainStep(params, x, y, { freeSteps: 20, nudgedSteps: 4, beta: 1, lr: [0.1, 0.05], dynamics: 'scellier' });
 * console.log((await step.loss.data())[0]);
 * tf.dispose([params.weights, params.biases, x, y, step.loss, step.free]);
 * params = step.params; // …and dispose these when done
 * ```
 */
export function tensorTrainStep(
  params: TensorParams,
  x: tf.Tensor2D,
  target: tf.Tensor2D,
  options: TensorTrainStepOptions,
): TensorTrainStepResult {
  const fn = 'tensorTrainStep';
  const freeSteps = checkInt(fn, 'freeSteps', options.freeSteps, 1);
  const nudgedSteps = checkInt(fn, 'nudgedSteps', options.nudgedSteps, 1);
  const beta = checkFinite(fn, 'beta', options.beta);
  if (beta === 0) throw new EqPropError('beta', `${fn}: beta must be non-zero`, { code: 'ERR_OUT_OF_RANGE' });
  const L = params.weights.length;
  if (!Array.isArray(options.lr) || options.lr.length !== L) {
    throw new EqPropError('lr', `${fn}: lr must hold ${L} learning rates (one per weight matrix)`, { code: 'ERR_SHAPE' });
  }
  options.lr.forEach((a, l) => checkFinite(fn, `lr[${l}]`, a));
  const estimator = options.estimator ?? 'one-sided';
  if (estimator !== 'one-sided' && estimator !== 'symmetric')
    throw new EqPropError('estimator', `${fn}: estimator must be 'one-sided' or 'symmetric'`);
  const nOut = params.weights[L - 1].shape[1];
  if (target.rank !== 2 || target.shape[0] !== x.shape[0] || target.shape[1] !== nOut) {
    throw new EqPropError('target', `${fn}: target must be [${x.shape[0]}, ${nOut}] (one-hot rows)`, { code: 'ERR_SHAPE' });
  }
  const relax = { dynamics: options.dynamics, activation: options.activation, gamma: options.gamma, stepSize: options.stepSize };
  const out = tf.tidy(() => {
    const free = relaxTensors(params, x, { ...relax, steps: freeSteps });
    const nudge = (b: number) => relaxTensors(params, x, { ...relax, steps: nudgedSteps, beta: b, target, init: free });
    const [low, high, coef] = estimator === 'symmetric' ? [nudge(-beta), nudge(beta), 2 * beta] : [free, nudge(beta), beta];
    const delta = hebbianUpdate([x, ...low], [x, ...high], coef);
    const next = {
      weights: params.weights.map((w, l) => tf.add(w, tf.mul(delta.weights[l], options.lr[l])) as tf.Tensor2D),
      biases: params.biases.map((b, l) => tf.add(b, tf.mul(delta.biases[l], options.lr[l])) as tf.Tensor1D),
    };
    const loss = tf.div(tf.mul(tf.sum(tf.square(tf.sub(free[L - 1], target))), 0.5), x.shape[0]) as tf.Scalar;
    return { weights: next.weights, biases: next.biases, loss, free };
  });
  return { params: { weights: out.weights, biases: out.biases }, loss: out.loss, free: out.free };
}
