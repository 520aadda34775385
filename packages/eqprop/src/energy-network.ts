import { toRng, type SeedOrRng } from '@neurite/tensor';

/** Layer dynamics of the relaxation (see relax-phase.ts for each update equation). */
export type Dynamics = 'laborieux' | 'scellier' | 'async';
/** Neuron nonlinearity ρ: hard sigmoid ρ(u) = clip(u, 0, 1), or logistic σ(u) = 1/(1 + e^−u). */
export type Activation = 'hard-sigmoid' | 'sigmoid';
/** Cost C(ŷ, y): mean squared error on the output states, or cross-entropy of a softmax readout. */
export type Cost = 'mse' | 'cross-entropy';
/** How the gradient is estimated from the phases. */
export type Estimator = 'one-sided' | 'random-sign' | 'symmetric' | 'holomorphic';

/**
 * A layered Hopfield-like energy network with sizes n_0 (input) … n_L (output).
 * `weights[l]` is W_l stored row-major as [n_l, n_{l+1}] (row i = the couplings
 * of unit i of layer l to every unit of layer l+1); `biases[l]` is the bias of
 * layer l+1, [n_{l+1}]. The energy (Scellier & Bengio 2017, with states s_l
 * already in the range of ρ, as in Laborieux et al. 2021):
 *
 *   E(s) = Σ_{l≥1} G(s_l) − Φ(x, s),   Φ = Σ_l s_lᵀ W_l s_{l+1} + Σ_l b_lᵀ s_{l+1},   s_0 = x,
 *
 * with G(s) = ½‖s‖² on the box [0, 1] for the hard sigmoid and G' = σ⁻¹ for the
 * logistic, so that the equilibrium satisfies s = ρ(∂Φ/∂s). With the MSE cost
 * every layer 1…L is a state; with cross-entropy the last coupling W_{L−1} is a
 * softmax readout ŷ = softmax(s_{L−1} W_{L−1} + b_{L−1}) outside the energy
 * (Laborieux et al. 2021).
 */
export interface EnergyNetwork {
  /** Layer sizes n_0 … n_L. */
  sizes: number[];
  /** W_l row-major [n_l, n_{l+1}]. */
  weights: Float32Array[];
  /** b_l, the bias of layer l + 1 [n_{l+1}]. */
  biases: Float32Array[];
}

/**
 * Initial weights: uniform U(−a, a), a = √(6 / (n_l + n_{l+1})) (Glorot & Bengio
 * 2010, the initialisation of Scellier & Bengio 2017), biases 0. Draws row-major
 * from `toRng(seed)`, so a seed gives the same network everywhere. With `conv`, W_0
 * is the kernel tensor K [C, inChannels·k²] of a convolutional coupling (see conv-coupling.ts).
 */
export function createNetwork(
  sizes: readonly number[],
  seed: SeedOrRng,
  conv?: { channels: number; patch: number; kernelArea: number },
): EnergyNetwork {
  const rng = toRng(seed);
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const m = sizes[l];
    const n = sizes[l + 1];
    // a convolutional first coupling holds K [C, inChannels·k²]: fan-in patch, fan-out C·k²
    const cv = l === 0 && conv !== undefined;
    const a = cv ? Math.sqrt(6 / (conv.patch + conv.channels * conv.kernelArea)) : Math.sqrt(6 / (m + n));
    const w = new Float32Array(cv ? conv.channels * conv.patch : m * n);
    for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * a;
    weights.push(w);
    biases.push(new Float32Array(n));
  }
  return { sizes: sizes.slice(), weights, biases };
}

/** Number of state layers: L with the MSE cost, L − 1 with a cross-entropy readout. */
export function stateLayers(sizes: readonly number[], cost: Cost): number {
  return cost === 'mse' ? sizes.length - 1 : sizes.length - 2;
}
