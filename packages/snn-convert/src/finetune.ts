import type { SeedOrRng } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import { fit } from './fit.js';
import type { Surrogate } from './lif-step.js';
import type { LabelledData } from './labelled-data.js';
import { simulate } from './simulate.js';
import { SpikingNetwork } from './spiking-network.js';

/** Options of {@link finetune}. */
export interface FinetuneOptions {
  /** Passes over the data (default 1). */
  epochs?: number;
  /** Adam learning rate (default 1e-4: the converted weights are already good). */
  lr?: number;
  /** Timesteps unrolled for BPTT (default 8). */
  T?: number;
  /** Surrogate spike derivative (default 'atan'). */
  surrogate?: Surrogate;
  /** Cut the reset term from the gradient (default true). */
  detachReset?: boolean;
  /** Mini-batch size (default 64). */
  batchSize?: number;
  /** Seed of the data order. */
  seed?: SeedOrRng;
  /** Called after each batch with (done, total) batches. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fine-tune a spiking network with backpropagation through time: the loss is
 * softmax cross-entropy of the T-step readout, the spike's Heaviside step
 * gets a surrogate derivative (see `ifStep`), and weights, biases and
 * thresholds θ are trained with Adam. Returns a new network.
 */
export async function finetune(snn: SpikingNetwork, data: LabelledData, opts: FinetuneOptions = {}): Promise<SpikingNetwork> {
  if (!(snn instanceof SpikingNetwork)) throw new ConvertError('snn', 'finetune: snn must be a SpikingNetwork');
  const T = checkInt('finetune', 'T', opts.T ?? 8, 1, 4096);
  const surrogate = opts.surrogate ?? 'atan';
  if (surrogate !== 'atan' && surrogate !== 'triangle')
    throw new ConvertError('surrogate', `finetune: surrogate must be 'atan' or 'triangle', got '${String(surrogate)}'`);
  const { net } = await fit(
    snn.network,
    data,
    (n, p, x) => simulate(n, p, x, { T, surrogate, detachReset: opts.detachReset ?? true }, data.frames),
    {
      epochs: opts.epochs ?? 1,
      lr: opts.lr ?? 1e-4,
      batchSize: opts.batchSize ?? 64,
      seed: opts.seed ?? 0,
      onProgress: opts.onProgress,
    },
  );
  return new SpikingNetwork(net);
}
