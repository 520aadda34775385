import { tf } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import type { Network } from './network.js';
import { cloneNetwork, size } from './network.js';
import { disposeParams, makeParams } from './params.js';
import { simulate } from './simulate.js';

/** Options of {@link SpikingNetwork.run}. */
export interface RunOptions {
  /** Timesteps (≥ 1). Static input is presented at every step; event input frame t at step t. */
  T: number;
}

/**
 * A converted spiking network: IF neurons (reset by subtraction, v(0) = v0·θ)
 * between the ANN's linear layers; the output layer is not spiking and is
 * read out as its input current averaged over the T steps.
 */
export class SpikingNetwork {
  /** The layers (IF/LIF nodes between the linear layers). */
  readonly network: Network;
  constructor(network: Network) {
    if (!network.nodes.some((n) => n.op.kind === 'if'))
      throw new ConvertError('network', 'SpikingNetwork: the network has no IF neurons (use toSpiking)', { code: 'ERR_STATE' });
    for (const n of network.nodes)
      if (n.op.kind === 'act' || n.op.kind === 'qcfs' || n.op.kind === 'batchnorm')
        throw new ConvertError(
          n.name,
          `SpikingNetwork: node '${n.name}' is still ${n.op.kind} (fold batch norm and convert every activation first)`,
          { code: 'ERR_STATE' },
        );
    this.network = network;
  }
  /** Per-sample input shape (NHWC). */
  get inputShape(): number[] {
    return [...this.network.nodes[0].shape];
  }
  /** Number of output classes. */
  get classes(): number {
    return this.network.nodes[this.network.output].shape[0];
  }
  /** A deep copy. */
  clone(): SpikingNetwork {
    return new SpikingNetwork(cloneNetwork(this.network));
  }
  /**
   * Run on a batch: `x` is [B, ...inputShape] (static input repeated over T)
   * or [B, frames, ...inputShape] (events; 5-D for images). Returns the
   * readout [B, classes] = (1/T) Σ_t output_t; the caller disposes it.
   * @throws ConvertError for T < 1 or an input of the wrong shape.
   */
  run(x: tf.Tensor, opts: RunOptions): tf.Tensor2D {
    const T = checkInt('run', 'T', opts?.T, 1, 1 << 20);
    const shape = this.inputShape;
    const rank = shape.length + 1;
    const frames = x.rank === rank + 1 ? x.shape[1] : undefined;
    if ((x.rank !== rank && x.rank !== rank + 1) || x.shape.slice(x.rank - shape.length).join() !== shape.join() || size(x.shape) === 0)
      throw new ConvertError('x', `run: x must be [B, ${shape}] or [B, frames, ${shape}], got [${x.shape}]`, { code: 'ERR_SHAPE' });
    const params = makeParams(this.network);
    try {
      return simulate(this.network, params, x, { T }, frames) as tf.Tensor2D;
    } finally {
      disposeParams(params);
    }
  }
}
