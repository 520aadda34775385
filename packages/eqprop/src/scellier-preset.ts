import type { EqPropOptions } from './eqprop-kernel.js';

/**
 * The settings of Scellier & Bengio 2017 (Table 1 of the paper, and the hyperparameters
 * of its published Theano code, github.com/bscellier/Towards-a-Biologically-Plausible-Backprop):
 * projected Euler with ε = 0.5 and a fixed number of iterations (no early stop), β with a
 * random sign per minibatch, persistent particles, MSE cost, hard sigmoid, Glorot-uniform
 * initial weights, no spectral normalisation, minibatches of 20 (the caller's choice):
 *
 * | hidden layers | free / nudged iterations | β | α (W_0, W_1, …) |
 * |---|---|---|---|
 * | 1 (784-500-10) | 20 / 4 | 1.0 | 0.1, 0.05 |
 * | 2 (784-500-500-10) | 100 / 6 | 1.0 | 0.4, 0.1, 0.01 |
 *
 * The published code's cost is C = ‖s_L − y‖² (no ½), so its nudged phase pulls the outputs
 * with 2β(y − s_L), while this kernel's MSE cost is ½‖s_L − y‖² (pull β(y − s_L)). The preset
 * therefore passes β' = 2β and α' = 2α: the same nudging force and the same update
 * (α'/β')·ΔΦ = (α/β)·ΔΦ, i.e. the published dynamics step for step (checked against an
 * independent numpy version of the published model by scripts/deep-compare.mjs). Other depths
 * get the 1-hidden-layer dynamics with α = 0.1 per hidden coupling and 0.05 for the output one.
 */
export function scellierPreset(sizes: { inputDim: number; hiddenDims: number[]; outputDim: number }): EqPropOptions {
  const two = sizes.hiddenDims.length === 2;
  const alphas = two ? [0.4, 0.1, 0.01] : sizes.hiddenDims.map(() => 0.1).concat([0.05]);
  // (C = ‖s_L − y‖² in the published code = 2 × this kernel's ½‖s_L − y‖²)
  const costScale = 2;
  return {
    ...sizes,
    dynamics: 'scellier',
    activation: 'hard-sigmoid',
    cost: 'mse',
    stepSize: 0.5,
    maxSteps: two ? 100 : 20,
    nudgedSteps: two ? 6 : 4,
    epsilon: 0,
    adaptiveEpsilon: false,
    beta: costScale * 1.0,
    estimator: 'random-sign',
    lr: alphas.map((a) => costScale * a),
    persistent: true,
    spectralNorm: false,
  };
}
