import type { LabelledData } from './labelled-data.js';
import { evaluate } from './evaluate.js';
import type { SnnEvaluation } from './evaluate.js';
import type { SpikingNetwork } from './spiking-network.js';

/** Spiking activity of one IF/LIF layer. */
export interface LayerActivity {
  /** Layer (node) name. */
  name: string;
  /** Spikes over all samples and steps. */
  spikes: number;
  /** Neurons per sample. */
  neurons: number;
  /** Spikes per neuron per step. */
  rate: number;
}

/** Activation sparsity of a spiking network on a data set (see {@link measureSparsity}). */
export interface Sparsity {
  /** 1 − spikes / total. */
  sparsity: number;
  /** Spikes of every layer, all samples and steps. */
  spikes: number;
  /** Neuron-steps: Σ neurons × T × samples. */
  total: number;
  /** The same per layer. */
  perLayer: LayerActivity[];
  /** The evaluation it came from (accuracy per step as well). */
  evaluation: SnnEvaluation;
}

/** Activation sparsity of the IF layers on `data` over T steps (default 16). */
export async function measureSparsity(
  snn: SpikingNetwork,
  data: LabelledData,
  opts: { T?: number; evaluation?: SnnEvaluation } = {},
): Promise<Sparsity> {
  const ev = opts.evaluation ?? (await evaluate(snn, data, { T: opts.T ?? 16 }));
  return sparsityOf(ev);
}

/** The same figures from an evaluation already run. */
export function sparsityOf(ev: SnnEvaluation): Sparsity {
  const perLayer = Object.keys(ev.spikes).map((name) => ({
    name,
    spikes: ev.spikes[name],
    neurons: ev.neurons[name],
    rate: ev.spikes[name] / (ev.neurons[name] * ev.T * ev.samples),
  }));
  const spikes = perLayer.reduce((a, l) => a + l.spikes, 0);
  const total = perLayer.reduce((a, l) => a + l.neurons * ev.T * ev.samples, 0);
  return { sparsity: 1 - spikes / total, spikes, total, perLayer, evaluation: ev };
}
