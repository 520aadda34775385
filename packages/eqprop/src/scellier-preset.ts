import type { EqPropOptions } from './eqprop-kernel.js';

/**
 * The settings of Scellier & Bengio 2017, Table 2, for one hidden layer of 500
 * (784-500-10): projected Euler with ε = 0.5, 20 free and 4 nudged iterations
 * (no early stop), β = 1.0 with a random sign per minibatch, learning rates
 * α = 0.1 (W_0) and 0.05 (W_1), persistent particles, MSE, hard sigmoid, no
 * spectral normalisation, minibatches of 20 (the caller's choice). With two
 * hidden layers (784-500-500-10) the paper uses 100 free / 6 nudged iterations and
 * α = 0.4, 0.1, 0.01.
 */
export function scellierPreset(sizes: { inputDim: number; hiddenDims: number[]; outputDim: number }): EqPropOptions {
  const two = sizes.hiddenDims.length === 2;
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
    beta: 1.0,
    estimator: 'random-sign',
    lr: two ? [0.4, 0.1, 0.01] : sizes.hiddenDims.length === 1 ? [0.1, 0.05] : sizes.hiddenDims.map(() => 0.1).concat([0.05]),
    persistent: true,
    spectralNorm: false,
  };
}
