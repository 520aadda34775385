import { ConvertError, checkFinite } from './convert-error.js';
import { cloneNetwork } from './network.js';
import type { Network } from './network.js';
import { SpikingNetwork } from './spiking-network.js';

/** The neuron model of a spiking layer: integrate-and-fire, or leaky integrate-and-fire. */
export type NeuronModel = 'if' | 'lif';

/** Options of {@link toSpiking}. */
export interface ToSpikingOptions {
  /** Initial membrane as a fraction of θ: 0.5 (default; QCFS's v(0) = θ/2), 0 for plain conversion. */
  v0?: number;
  /**
   * 'if' (default): v ← v + x, the neuron the QCFS theorem is about. 'lif': v ← β v + x, which
   * leaks charge, so a converted network loses accuracy unless fine-tuned (see {@link finetune}).
   */
  neuron?: NeuronModel;
  /** The LIF leak per step, 0 < β ≤ 1 (default 0.9; ignored for 'if'). */
  beta?: number;
}

/**
 * Replace every QCFS activation by IF (or LIF) neurons with θ = λ (per channel),
 * v(0) = v0·θ and reset by subtraction. With IF and v0 = 1/2 the firing rate of a
 * constant input x after T = L steps is θ/T · clip(⌊x T/θ + 1/2⌋, 0, T): the
 * QCFS output (Bu et al. 2022, Theorem 2).
 * @throws ConvertError ERR_STATE when the network still has plain ReLU (use toQcfs first);
 *   ERR_OUT_OF_RANGE for β outside (0, 1].
 *
 * @example
 * ```ts fragment
 * import { toQcfs, toSpiking } from '@neurite/snn-convert';
 * const snn = toSpiking(await toQcfs(net, data, { L: 8 }));        // IF, v(0) = θ/2
 * const lif = toSpiking(await toQcfs(net, data), { neuron: 'lif', beta: 0.95 });
 * ```
 */
export function toSpiking(net: Network, opts: ToSpikingOptions = {}): SpikingNetwork {
  const v0 = checkFinite('toSpiking', 'v0', opts.v0 ?? 0.5);
  const neuron = opts.neuron ?? 'if';
  if (neuron !== 'if' && neuron !== 'lif')
    throw new ConvertError('neuron', `toSpiking: neuron must be 'if' or 'lif', got '${String(neuron)}'`);
  const beta = neuron === 'lif' ? checkBeta('toSpiking', opts.beta ?? 0.9) : 1;
  const out = cloneNetwork(net);
  for (const node of out.nodes) {
    if (node.op.kind === 'act')
      throw new ConvertError(node.name, `toSpiking: node '${node.name}' is a plain ${node.op.fn}; calibrate it with toQcfs first`, {
        code: 'ERR_STATE',
      });
    if (node.op.kind === 'qcfs') {
      node.op = beta === 1 ? { kind: 'if', theta: node.op.lambda.slice(), v0 } : { kind: 'if', theta: node.op.lambda.slice(), v0, beta };
      node.className = beta === 1 ? 'IF' : 'LIF';
    }
  }
  return new SpikingNetwork(out);
}

/** β must lie in (0, 1]. */
export function checkBeta(fn: string, beta: number): number {
  if (typeof beta !== 'number' || !(beta > 0 && beta <= 1))
    throw new ConvertError('beta', `${fn}: beta (the LIF leak per step) must be in (0, 1], got ${String(beta)}`, {
      code: 'ERR_OUT_OF_RANGE',
    });
  return beta;
}
