import { createGraph, createNode, nirArray, type NirGraph } from '@neurite/nir';
import { Brain4dError } from './brain4d-error.js';
import type { Simulator } from './simulator.js';

/** Largest dense weight matrix (elements) an Affine node may hold here. */
const MAX_DENSE = 5e7;

/**
 * The network as a NIR graph, for networks NIR can hold exactly: `lif` populations without
 * refractoriness (t_ref < dt), one synaptic time constant (tau_syn_ex = tau_syn_in), no I_e,
 * constant weights or any weights, delay 1 everywhere, and no inputs. Each population becomes a
 * `CubaLIF` node named after it (times in seconds): τ_syn dI/dt = −I + w_in·x,
 * τ_mem dv/dt = v_leak − v + r·I with r = 1, v_leak = E_L, v_threshold = v_th, v_reset and
 * w_in = τ_syn, so that a spike of weight w makes I jump by w exactly as g jumps here. Each
 * projection becomes an `Affine` node `<source>_to_<target>_<k>` with the dense weight matrix
 * [n_target, n_source] and zero bias. An `input` node (shape [n] of the first population, feeding
 * it) and an `output` node (the spikes of the last population) close the graph.
 * Anything else is refused with a Brain4dError (ERR_UNSUPPORTED) naming the key path.
 */
export function toNir(sim: Simulator): NirGraph {
  const spec = sim.spec;
  const no = (path: string, why: string): never => {
    throw new Brain4dError(path, `${path}: ${why} cannot be written as NIR`, { code: 'ERR_UNSUPPORTED' });
  };
  if ((spec.inputs ?? []).length > 0) no('inputs', 'external inputs');
  const nodes: Record<string, unknown> = {};
  const edges: Array<[string, string]> = [];
  sim.populations.forEach((pop, i) => {
    const path = `populations.${pop.name}`;
    if (pop.model !== 'lif') no(`${path}.model`, `model ${pop.model}`);
    const p = sim.internals.kargs[i].p;
    if (p.t_ref >= sim.dt) no(`${path}.params.t_ref`, 'a refractory period');
    if (p.tau_syn_ex !== p.tau_syn_in) no(`${path}.params.tau_syn_in`, 'two synaptic time constants');
    if (p.I_e !== 0) no(`${path}.params.I_e`, 'a constant current');
    const full = (x: number) => nirArray(new Float32Array(pop.n).fill(x), [pop.n]);
    const tauSyn = p.tau_syn_ex / 1000;
    nodes[pop.name] = createNode('CubaLIF', {
      tau_syn: full(tauSyn),
      tau_mem: full(p.tau_m / 1000),
      r: full(1),
      v_leak: full(p.E_L),
      v_threshold: full(p.v_th),
      v_reset: full(p.v_reset),
      w_in: full(tauSyn),
    });
  });
  sim.projections.forEach((pr, k) => {
    const path = `projections[${k}]`;
    if (pr.d !== null || pr.delay !== 1) no(`${path}.delay`, 'a delay other than one step');
    if (pr.stdp) no(`${path}.plasticity`, 'plasticity');
    const nS = pr.source.n;
    const nT = pr.target.n;
    if (nS * nT > MAX_DENSE) no(`${path}.rule`, `a ${nT} × ${nS} dense matrix (over ${MAX_DENSE} elements)`);
    const w = new Float32Array(nT * nS);
    for (let s = 0; s < nS; s++) for (let q = pr.rowPtr[s]; q < pr.rowPtr[s + 1]; q++) w[pr.tgt[q] * nS + s] += pr.w[q];
    const name = `${pr.source.name}_to_${pr.target.name}_${k}`;
    nodes[name] = createNode('Affine', { weight: nirArray(w, [nT, nS]), bias: nirArray(new Float32Array(nT), [nT]) });
    edges.push([pr.source.name, name], [name, pr.target.name]);
  });
  const first = sim.populations[0];
  const last = sim.populations[sim.populations.length - 1];
  nodes.input = createNode('Input', { shape: [first.n] });
  nodes.output = createNode('Output', { shape: [last.n] });
  edges.push(['input', first.name], [last.name, 'output']);
  return createGraph({ nodes, edges, metadata: { source: '@neurite/brain4d', dt: sim.dt / 1000, name: spec.name ?? '' } });
}
