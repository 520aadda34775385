import { createGraph, nirArray } from '@neurite/nir';
import type { NirGraph } from '@neurite/nir';
import type { EqPropKernel } from './eqprop-kernel.js';
import { EqPropError } from './eqprop-error.js';

/** The `eqprop_convention` value written by {@link toNir}. */
export const EQPROP_NIR_CONVENTION = 'neurite-eqprop/1';

/**
 * The trained network as a NIR graph, in a Neurite convention for energy-based
 * networks (NIR has no node for a relaxation; Python `nir.read` loads the file as
 * an ordinary graph):
 *
 * - `input` (Input [n_0]) and `output` (Output [n_L]);
 * - `s{l}`, l = 1…S: a state layer, a `Scale` with scale = ones(n_l) and metadata
 *   `{ eqprop_role: 'state', layer: l, activation }`;
 * - `w{l}`: `Affine` with weight W_lᵀ [n_{l+1}, n_l] and bias b_l — the forward coupling;
 * - `w{l}_T`, for couplings between two state layers: `Affine` with weight W_l
 *   [n_l, n_{l+1}] and bias 0 — the same coupling read backwards.
 *
 * Edges input→w0→s1, s_l→w_l→s_{l+1}, s_{l+1}→w_l_T→s_l and s_L→output (with a
 * cross-entropy readout: s_{L−1}→w_{L−1}→output, metadata `readout: 'softmax'`), so state
 * layers are joined in both directions. Graph metadata: `eqprop_convention`
 * ('neurite-eqprop/1'), `activation`, `dynamics`, `steps` (the fixed iteration count a
 * hardware relaxation runs: the kernel's maxSteps), `gamma`, `step_size` (ε of 'scellier'),
 * `beta`, `cost`, `readout`, `layers` (int64 n_0…n_L). One iteration, for every state layer
 * (odd layers first, then even, for 'async'):
 *
 *   u_l = Σ_{Affine a → s_l} (W_a · value(source of a) + b_a),
 *   s_l ← (1 − γ) s_l + γ ρ(u_l)            ('laborieux', 'async')
 *   s_l ← clip(s_l + ε (u_l − s_l), 0, 1)   ('scellier')
 *
 * from s = 0; the prediction is s_L (or the readout) after `steps` iterations.
 */
export function toNir(kernel: EqPropKernel): NirGraph {
  const { sizes, net, settings } = kernel;
  if (kernel.conv) {
    throw new EqPropError('kernel', 'toNir: the convolutional coupling has no NIR export yet (dense couplings only)', {
      code: 'ERR_UNSUPPORTED',
    });
  }
  const L = sizes.length - 1;
  const S = kernel.stateLayers;
  const nodes: Record<string, unknown> = {
    input: { type: 'Input', shape: [sizes[0]] },
    output: { type: 'Output', shape: [sizes[L]] },
  };
  const edges: [string, string][] = [];
  const stateName = (l: number) => (l === 0 ? 'input' : `s${l}`);
  for (let l = 1; l <= S; l++) {
    nodes[`s${l}`] = {
      type: 'Scale',
      scale: nirArray(new Float32Array(sizes[l]).fill(1)),
      metadata: { eqprop_role: 'state', layer: BigInt(l), activation: settings.activation },
    };
  }
  for (let l = 0; l < L; l++) {
    const m = sizes[l];
    const n = sizes[l + 1];
    const w = net.weights[l];
    const fwd = new Float32Array(n * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) fwd[j * m + i] = w[i * n + j];
    nodes[`w${l}`] = { type: 'Affine', weight: nirArray(fwd, [n, m]), bias: nirArray(net.biases[l]) };
    edges.push([stateName(l), `w${l}`]);
    edges.push([`w${l}`, l + 1 <= S ? stateName(l + 1) : 'output']);
    if (l >= 1 && l + 1 <= S) {
      nodes[`w${l}_T`] = { type: 'Affine', weight: nirArray(w.slice(), [m, n]), bias: nirArray(new Float32Array(m)) };
      edges.push([stateName(l + 1), `w${l}_T`]);
      edges.push([`w${l}_T`, stateName(l)]);
    }
  }
  if (S === L) edges.push([stateName(L), 'output']);
  return createGraph({
    nodes,
    edges,
    metadata: {
      eqprop_convention: EQPROP_NIR_CONVENTION,
      activation: settings.activation,
      dynamics: settings.dynamics,
      steps: BigInt(settings.maxSteps),
      gamma: settings.gamma,
      step_size: settings.stepSize,
      beta: settings.beta,
      cost: settings.cost,
      readout: settings.cost === 'mse' ? 'state' : 'softmax',
      layers: nirArray(sizes, [sizes.length], 'int64'),
    },
  });
}
