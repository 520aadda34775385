import type { SnnEvaluation } from './evaluate.js';
import type { EnergyPreset, EnergyReport } from './energy.js';
import { energyOf } from './energy.js';
import { sparsityOf } from './measure-sparsity.js';
import { linearCosts } from './network-costs.js';
import type { SpikingNetwork } from './spiking-network.js';

/**
 * NeuroBench-style static and workload metrics (Yik et al., "NeuroBench",
 * Nature Communications 2025): footprint (bytes of float32 parameters),
 * connection sparsity (zero weights / weights), activation sparsity (1 − spikes
 * / neuron-steps), synaptic operations per sample — dense (every synapse every
 * step: MACs × T) and effective (MACs of the analog layer + spikes × fan-out) —
 * and accuracy.
 */
export interface NeuroBenchReport {
  /** Bytes of the parameters as float32. */
  footprintBytes: number;
  /** Weights, biases and thresholds. */
  parameters: number;
  /** Zero weights / weights. */
  connectionSparsity: number;
  /** 1 − spikes / neuron-steps. */
  activationSparsity: number;
  /** Synaptic operations per sample if every synapse worked every step (MACs × T). */
  denseSynapticOps: number;
  /** MACs per sample actually needed (the analog-input layer, once). */
  effectiveMacs: number;
  /** Accumulates per sample driven by spikes (spikes × fan-out). */
  effectiveAcs: number;
  /** Accuracy after T steps. */
  accuracy: number;
  /** Timesteps. */
  T: number;
  /** Samples evaluated. */
  samples: number;
  /** The energy estimate for the preset. */
  energy: EnergyReport;
  /** Spike rate (spikes / neuron / step) and size of each spiking layer. */
  perLayer: { name: string; rate: number; neurons: number }[];
}

/**
 * The NeuroBench-style report of `snn` from an evaluation (see {@link evaluate}); `neurobenchMarkdown` renders it as a table.
 *
 * @example
 * ```ts fragment
 * const ev = await evaluate(snn, mnist.test, { T: 16 });
 * console.log(neurobenchMarkdown(neurobenchReport(snn, ev)));
 * ```
 */
export function neurobenchReport(snn: SpikingNetwork, ev: SnnEvaluation, preset: EnergyPreset = 'fp32-45nm'): NeuroBenchReport {
  const lc = linearCosts(snn.network);
  let params = 0;
  let weights = 0;
  let zeros = 0;
  let macs = 0;
  for (const n of snn.network.nodes) {
    const op = n.op;
    if (op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'depthwise') params += op.w.length + op.b.length;
    if (op.kind === 'if') params += op.theta.length;
  }
  for (const c of lc.values()) {
    weights += c.weights;
    zeros += c.zeroWeights;
    macs += c.macs;
  }
  const sp = sparsityOf(ev);
  const en = energyOf(snn, ev, preset);
  return {
    footprintBytes: params * 4,
    parameters: params,
    connectionSparsity: zeros / weights,
    activationSparsity: sp.sparsity,
    denseSynapticOps: macs * ev.T,
    effectiveMacs: en.macs,
    effectiveAcs: en.sops,
    accuracy: ev.accuracy,
    T: ev.T,
    samples: ev.samples,
    energy: en,
    perLayer: sp.perLayer.map((l) => ({ name: l.name, rate: l.rate, neurons: l.neurons })),
  };
}

const fmt = (x: number, d = 3) => (Math.abs(x) >= 1e5 ? x.toExponential(3) : Number(x.toFixed(d)).toString());

/** The report as a markdown table (metric | value). */
export function neurobenchMarkdown(r: NeuroBenchReport): string {
  const rows: [string, string][] = [
    ['accuracy', `${(100 * r.accuracy).toFixed(2)} % (${r.samples} samples, T = ${r.T})`],
    ['footprint', `${r.footprintBytes} B (${r.parameters} float32 parameters)`],
    ['connection sparsity', fmt(r.connectionSparsity, 4)],
    ['activation sparsity', fmt(r.activationSparsity, 4)],
    ['synaptic ops, dense (per sample)', fmt(r.denseSynapticOps)],
    ['synaptic ops, effective MACs (per sample)', fmt(r.effectiveMacs)],
    ['synaptic ops, effective ACs (per sample)', fmt(r.effectiveAcs)],
    [`energy SNN (${r.energy.preset}, per sample)`, `${(r.energy.snnJoules * 1e9).toFixed(3)} nJ`],
    [`energy ANN (${r.energy.preset}, per sample)`, `${(r.energy.annJoules * 1e9).toFixed(3)} nJ`],
  ];
  return ['| metric | value |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}
