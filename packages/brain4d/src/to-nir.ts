import { createGraph, createNode, nirArray, type NirGraph } from '@neurite/nir';
import { Brain4dError } from './brain4d-error.js';
import type { Simulator } from './simulator.js';

/** Largest dense weight matrix (elements) an Affine node may hold here. */
const MAX_DENSE = 5e7;

/** Options of {@link toNir}. */
export interface ToNirOptions {
  /**
   * NIR's neurons have no refractory period: `refuse` (the default) refuses populations with
   * t_ref ≥ dt; `drop` writes them without it and lists the dropped periods (ms) in the graph's
   * metadata (`brain4d_dropped_t_ref`), so the graph is then an approximation of the network.
   */
  refractory?: 'refuse' | 'drop';
}

/**
 * The network as a NIR graph, for networks NIR can hold: `lif` populations, constant delays
 * per projection, no plasticity and no inputs (times in seconds). A population whose two
 * synaptic time constants are equal becomes one `CubaLIF` node named after it:
 * τ_syn dI/dt = −I + w_in·x, τ_mem dv/dt = v_leak − v + r·I with r = 1, v_leak = E_L + I_e
 * (the constant current shifts the rest potential exactly), v_threshold = v_th, v_reset and
 * w_in = τ_syn, so that a spike of weight w makes I jump by w exactly as g jumps here. With
 * τ_syn_ex ≠ τ_syn_in it becomes a `LIF` node `<name>` (τ_mem, r = 1, v_leak, v_threshold,
 * v_reset) fed by two `LI` synapse nodes `<name>_exc` and `<name>_inh` (τ = τ_syn, r = τ_syn,
 * v_leak = 0: τ_syn dg/dt = −g + τ_syn·x, a jump of w per spike of weight w), whose outputs
 * the LIF sums. Each projection becomes an `Affine` node `<source>_to_<target>_<k>` with the
 * dense weight matrix [n_target, n_source] and zero bias, followed, when its delay d exceeds
 * one step, by a `Delay` node `<…>_delay` of (d − 1)·dt (one step is the update's own latency,
 * Brian2's delay 0). An `input` node (shape [n] of the first population, feeding it) and an
 * `output` node (the spikes of the last population) close the graph. Anything else is refused
 * with a Brain4dError (ERR_UNSUPPORTED) naming the key path: other models, per-synapse delays,
 * plasticity, inputs, refractoriness (unless `refractory: 'drop'`).
 */
export function toNir(sim: Simulator, options: ToNirOptions = {}): NirGraph {
  const spec = sim.spec;
  const no = (path: string, why: string): never => {
    throw new Brain4dError(path, `${path}: ${why} cannot be written as NIR`, { code: 'ERR_UNSUPPORTED' });
  };
  if ((spec.inputs ?? []).length > 0) no('inputs', 'external inputs');
  const nodes: Record<string, unknown> = {};
  const edges: Array<[string, string]> = [];
  const dropped: Record<string, number> = {};
  /** Where the projections onto a population and receptor enter it. */
  const entry = new Map<string, string>();
  sim.populations.forEach((pop, i) => {
    const path = `populations.${pop.name}`;
    if (pop.model !== 'lif') no(`${path}.model`, `model ${pop.model}`);
    const p = sim.internals.kargs[i].p;
    if (p.t_ref >= sim.dt) {
      if (options.refractory !== 'drop') no(`${path}.params.t_ref`, "a refractory period (toNir(sim, { refractory: 'drop' }) drops it)");
      dropped[pop.name] = p.t_ref;
    }
    const full = (x: number) => nirArray(new Float32Array(pop.n).fill(x), [pop.n]);
    const neuron = {
      tau_mem: full(p.tau_m / 1000),
      r: full(1),
      v_leak: full(p.E_L + p.I_e),
      v_threshold: full(p.v_th),
      v_reset: full(p.v_reset),
    };
    if (p.tau_syn_ex === p.tau_syn_in) {
      const tauSyn = p.tau_syn_ex / 1000;
      nodes[pop.name] = createNode('CubaLIF', { ...neuron, tau_syn: full(tauSyn), w_in: full(tauSyn) });
      entry.set(`${pop.name}/exc`, pop.name).set(`${pop.name}/inh`, pop.name);
      return;
    }
    nodes[pop.name] = createNode('LIF', {
      tau: neuron.tau_mem,
      r: neuron.r,
      v_leak: neuron.v_leak,
      v_threshold: neuron.v_threshold,
      v_reset: neuron.v_reset,
    });
    for (const [receptor, tau] of [
      ['exc', p.tau_syn_ex / 1000],
      ['inh', p.tau_syn_in / 1000],
    ] as const) {
      const name = `${pop.name}_${receptor}`;
      nodes[name] = createNode('LI', { tau: full(tau), r: full(tau), v_leak: full(0) });
      edges.push([name, pop.name]);
      entry.set(`${pop.name}/${receptor}`, name);
    }
  });
  sim.projections.forEach((pr, k) => {
    const path = `projections[${k}]`;
    if (pr.d !== null) no(`${path}.delay`, 'per-synapse delays');
    if (pr.stdp) no(`${path}.plasticity`, 'plasticity');
    const nS = pr.source.n;
    const nT = pr.target.n;
    if (nS * nT > MAX_DENSE) no(`${path}.rule`, `a ${nT} × ${nS} dense matrix (over ${MAX_DENSE} elements)`);
    const w = new Float32Array(nT * nS);
    for (let s = 0; s < nS; s++) for (let q = pr.rowPtr[s]; q < pr.rowPtr[s + 1]; q++) w[pr.tgt[q] * nS + s] += pr.w[q];
    const name = `${pr.source.name}_to_${pr.target.name}_${k}`;
    nodes[name] = createNode('Affine', { weight: nirArray(w, [nT, nS]), bias: nirArray(new Float32Array(nT), [nT]) });
    edges.push([pr.source.name, name]);
    let last = name;
    if (pr.delay > 1) {
      last = `${name}_delay`;
      nodes[last] = createNode('Delay', { delay: nirArray(new Float32Array(nT).fill(((pr.delay - 1) * sim.dt) / 1000), [nT]) });
      edges.push([name, last]);
    }
    edges.push([last, entry.get(`${pr.target.name}/${pr.spec.receptor}`)!]);
  });
  const first = sim.populations[0];
  const last = sim.populations[sim.populations.length - 1];
  nodes.input = createNode('Input', { shape: [first.n] });
  nodes.output = createNode('Output', { shape: [last.n] });
  const firstEntries = [...new Set([entry.get(`${first.name}/exc`)!, entry.get(`${first.name}/inh`)!])];
  edges.push(['input', firstEntries[0]], [last.name, 'output']);
  const metadata: Record<string, unknown> = { source: '@neurite/brain4d', dt: sim.dt / 1000, name: spec.name ?? '' };
  if (Object.keys(dropped).length > 0) metadata.brain4d_dropped_t_ref = dropped;
  return createGraph({ nodes, edges, metadata: metadata as never });
}
