import { toRng } from '@neurite/tensor';
import type { SeedOrRng } from '@neurite/tensor';
import { ConvertError, checkFinite, checkInt, checkPositive } from './convert-error.js';
import type { LayerNode } from './network.js';
import { SpikingNetwork } from './spiking-network.js';
import { checkBeta } from './to-spiking.js';
import type { NeuronModel } from './to-spiking.js';

/** Options of {@link spikingMlp}. */
export interface SpikingMlpOptions {
  /** 'lif' (default) or 'if'. */
  neuron?: NeuronModel;
  /** LIF leak per step, 0 < β ≤ 1 (default 0.9). */
  beta?: number;
  /** Firing threshold θ of every hidden neuron (default 1). */
  theta?: number;
  /** Initial membrane as a fraction of θ (default 0). */
  v0?: number;
  /** Seed of the Glorot-uniform weight draw. */
  seed?: SeedOrRng;
}

/**
 * An untrained spiking multilayer perceptron for direct training (surrogate-gradient
 * BPTT with {@link finetune} or {@link PolicyGradient}): `sizes` = [inputs, hidden…, outputs];
 * each hidden Dense layer feeds (L)IF neurons with threshold θ and reset by subtraction;
 * the output Dense layer is not spiking and is read out as its mean current over the T
 * steps. Weights are Glorot-uniform, U(±√(6/(fan_in + fan_out))), biases 0. Inputs enter
 * as analog currents to the first layer.
 * @throws ConvertError for fewer than two sizes or non-positive sizes.
 *
 * @example
 * ```ts
 * import { spikingMlp } from '@neurite/snn-convert';
 * const policy = spikingMlp([4, 64, 2], { neuron: 'lif', beta: 0.9, seed: 0 });
 * console.log(policy.network.nodes.map((n) => n.className).join(' → ')); // InputLayer → Dense → LIF → Dense
 * ```
 */
export function spikingMlp(sizes: number[], opts: SpikingMlpOptions = {}): SpikingNetwork {
  if (!Array.isArray(sizes) || sizes.length < 3)
    throw new ConvertError('sizes', `spikingMlp: sizes must list inputs, at least one hidden layer and outputs, got [${String(sizes)}]`);
  sizes.forEach((s, i) => checkInt('spikingMlp', `sizes[${i}]`, s, 1, 1 << 24));
  const neuron = opts.neuron ?? 'lif';
  if (neuron !== 'if' && neuron !== 'lif')
    throw new ConvertError('neuron', `spikingMlp: neuron must be 'if' or 'lif', got '${String(neuron)}'`);
  const beta = neuron === 'lif' ? checkBeta('spikingMlp', opts.beta ?? 0.9) : 1;
  const theta = checkPositive('spikingMlp', 'theta', opts.theta ?? 1);
  const v0 = checkFinite('spikingMlp', 'v0', opts.v0 ?? 0);
  const rng = toRng(opts.seed ?? 0);
  const nodes: LayerNode[] = [
    { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [sizes[0]] }, inputs: [], shape: [sizes[0]] },
  ];
  for (let l = 1; l < sizes.length; l++) {
    const [a, b] = [sizes[l - 1], sizes[l]];
    const lim = Math.sqrt(6 / (a + b));
    const w = Float32Array.from({ length: a * b }, () => (2 * rng.uniform() - 1) * lim);
    nodes.push({
      name: `fc${l}`,
      className: 'Dense',
      op: { kind: 'dense', w, b: new Float32Array(b), inUnits: a, units: b },
      inputs: [nodes.length - 1],
      shape: [b],
    });
    if (l < sizes.length - 1)
      nodes.push({
        name: `${neuron}${l}`,
        className: neuron === 'lif' ? 'LIF' : 'IF',
        op: beta === 1 ? { kind: 'if', theta: new Float32Array([theta]), v0 } : { kind: 'if', theta: new Float32Array([theta]), v0, beta },
        inputs: [nodes.length - 1],
        shape: [b],
      });
  }
  return new SpikingNetwork({ nodes, output: nodes.length - 1 });
}
