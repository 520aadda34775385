import { ConvertError, checkFinite } from './convert-error.js';
import { cloneNetwork } from './network.js';
import type { Network } from './network.js';
import { SpikingNetwork } from './spiking-network.js';

export interface ToSpikingOptions {
  /** Initial membrane as a fraction of θ: 0.5 (default; QCFS's v(0) = θ/2), 0 for plain conversion. */
  v0?: number;
}

/**
 * Replace every QCFS activation by IF neurons with θ = λ (per channel),
 * v(0) = v0·θ and reset by subtraction. With v0 = 1/2 the firing rate of a
 * constant input x after T = L steps is θ/T · clip(⌊x T/θ + 1/2⌋, 0, T): the
 * QCFS output (Bu et al. 2022, Theorem 2).
 * @throws ConvertError ERR_STATE when the network still has plain ReLU (use toQcfs first).
 */
export function toSpiking(net: Network, opts: ToSpikingOptions = {}): SpikingNetwork {
  const v0 = checkFinite('toSpiking', 'v0', opts.v0 ?? 0.5);
  const out = cloneNetwork(net);
  for (const node of out.nodes) {
    if (node.op.kind === 'act')
      throw new ConvertError(node.name, `toSpiking: node '${node.name}' is a plain ${node.op.fn}; calibrate it with toQcfs first`, {
        code: 'ERR_STATE',
      });
    if (node.op.kind === 'qcfs') {
      node.op = { kind: 'if', theta: node.op.lambda.slice(), v0 };
      node.className = 'IF';
    }
  }
  return new SpikingNetwork(out);
}
