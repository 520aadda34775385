import { ConvertError } from './convert-error.js';
import type { LabelledData } from './labelled-data.js';
import { evaluate } from './evaluate.js';
import type { SnnEvaluation } from './evaluate.js';
import { fanOut, linearCosts } from './network-costs.js';
import type { SpikingNetwork } from './spiking-network.js';

/** Energy-per-operation presets: 45 nm CMOS at fp32, fp16, int8 (Horowitz, ISSCC 2014), and a Loihi estimate from published Loihi 1 figures. */
export type EnergyPreset = 'loihi2' | 'fp32-45nm' | 'fp16' | 'int8';

/** Energy per operation in picojoules. */
export interface EnergyCosts {
  /** One multiply-accumulate (analog-input layer; every layer of the ANN). */
  mac: number;
  /** One accumulate (a synaptic operation driven by a spike). */
  ac: number;
  /** One neuron update per step (0 where the preset does not count it). */
  neuron: number;
  /** Where the figures come from. */
  source: string;
}

/**
 * Published per-operation energies. fp32/fp16/int8: Horowitz, "Computing's
 * energy problem", ISSCC 2014 (45 nm): fp32 mult 3.7 + add 0.9 = 4.6 pJ per MAC,
 * 0.9 pJ per accumulate; fp16 1.1 + 0.4 = 1.5 pJ, 0.4 pJ; int8 0.2 + 0.03 =
 * 0.23 pJ, 0.03 pJ. 'loihi2': Intel has not published per-operation energies
 * for Loihi 2; this preset uses the Loihi (1) figures of Davies et al., IEEE
 * Micro 2018 (23.6 pJ per synaptic spike operation, 52 pJ per neuron update),
 * with the analog first layer on a host at fp32 45 nm cost. An estimate, not a
 * measurement.
 */
export const ENERGY_PRESETS: Record<EnergyPreset, EnergyCosts> = {
  'fp32-45nm': { mac: 4.6, ac: 0.9, neuron: 0, source: 'Horowitz, ISSCC 2014, 45 nm fp32' },
  fp16: { mac: 1.5, ac: 0.4, neuron: 0, source: 'Horowitz, ISSCC 2014, 45 nm fp16' },
  int8: { mac: 0.23, ac: 0.03, neuron: 0, source: 'Horowitz, ISSCC 2014, 45 nm int8' },
  loihi2: {
    mac: 4.6,
    ac: 23.6,
    neuron: 52,
    source: 'Loihi (1) per-op figures, Davies et al., IEEE Micro 2018 (no Loihi 2 per-op figures are published)',
  },
};

/** Energy per inference of a spiking network beside the same network as an ANN (see {@link energy}). */
export interface EnergyReport {
  /** The preset used. */
  preset: EnergyPreset;
  /** Its per-operation energies. */
  costs: EnergyCosts;
  /** Per sample (averaged over the data). */
  sops: number;
  /** MACs of the analog-input layer(s), computed once per sample (static input gives a constant current). */
  macs: number;
  /** Neuron updates (IF neurons × T). */
  neuronUpdates: number;
  /** SNN energy per sample in joules: E_MAC·MACs + E_AC·SOPs + E_neuron·updates. */
  snnJoules: number;
  /** The same network as an ANN: E_MAC · all MACs, per sample, in joules. */
  annJoules: number;
  /** MACs of the whole network as an ANN, per sample. */
  annMacs: number;
  /** Timesteps the SNN ran. */
  T: number;
}

/**
 * Energy per inference: SOPs = Σ_layers spikes × fan-out (see `fanOut`), MACs
 * for the layers fed by the analog input, E = E_MAC·MACs + E_AC·SOPs (+ neuron
 * updates for 'loihi2'), beside the ANN's E_MAC · MACs of every layer. With
 * `inputEvents` (binary event input: mean events per sample), the layers fed
 * by the input count events × fan-out accumulates instead of MACs.
 */
export async function energy(
  snn: SpikingNetwork,
  data: LabelledData,
  opts: { preset?: EnergyPreset; T?: number; evaluation?: SnnEvaluation; inputEvents?: number } = {},
): Promise<EnergyReport> {
  const preset = opts.preset ?? 'fp32-45nm';
  const costs = ENERGY_PRESETS[preset];
  if (!costs)
    throw new ConvertError('preset', `energy: preset must be one of ${Object.keys(ENERGY_PRESETS).join(', ')}, got '${String(preset)}'`);
  const ev = opts.evaluation ?? (await evaluate(snn, data, { T: opts.T ?? 16 }));
  return energyOf(snn, ev, preset, opts.inputEvents);
}

/** The energy report from an evaluation already run. */
export function energyOf(snn: SpikingNetwork, ev: SnnEvaluation, preset: EnergyPreset = 'fp32-45nm', inputEvents?: number): EnergyReport {
  const costs = ENERGY_PRESETS[preset];
  const net = snn.network;
  const lc = linearCosts(net);
  const fo = fanOut(net);
  let sops = 0;
  let neurons = 0;
  for (const [i, f] of fo) {
    if (net.nodes[i].op.kind === 'input') continue;
    const name = net.nodes[i].name;
    sops += (ev.spikes[name] / ev.samples) * f;
    neurons += ev.neurons[name];
  }
  let macs = 0;
  let annMacs = 0;
  for (const c of lc.values()) {
    annMacs += c.macs;
    if (c.analogInput && inputEvents === undefined) macs += c.macs;
  }
  // event input (binary events): the first layers are driven by spikes too: events × fan-out accumulates
  if (inputEvents !== undefined) sops += inputEvents * (fo.get(0) ?? 0);
  const neuronUpdates = neurons * ev.T;
  const pj = costs.mac * macs + costs.ac * sops + costs.neuron * neuronUpdates;
  return { preset, costs, sops, macs, neuronUpdates, snnJoules: pj * 1e-12, annJoules: costs.mac * annMacs * 1e-12, annMacs, T: ev.T };
}
