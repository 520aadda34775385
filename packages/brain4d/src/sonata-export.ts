import { Brain4dError } from './brain4d-error.js';
import type { ModelName } from './network-spec.js';
import type { Population, Simulator } from './simulator.js';

/** The files of a SONATA export: relative path → contents. */
export type SonataFiles = Record<string, Uint8Array | string>;

/** NEST model and parameter names of each model (see {@link sonataFiles}). */
const NEST: Record<ModelName, { template: string; params: (p: Record<string, number>) => Record<string, number> }> = {
  // C_m is set to τ_m (pF), so C_m/τ_m = 1 nS: currents in pA equal this package's R·I in mV.
  lif: {
    template: 'nest:iaf_psc_exp',
    params: (p) => ({
      C_m: p.tau_m,
      tau_m: p.tau_m,
      E_L: p.E_L,
      V_th: p.v_th,
      V_reset: p.v_reset,
      t_ref: p.t_ref,
      tau_syn_ex: p.tau_syn_ex,
      tau_syn_in: p.tau_syn_in,
      I_e: p.I_e,
    }),
  },
  // g_L = 1 nS: conductances in nS equal this package's conductances relative to the leak.
  lif_cond: {
    template: 'nest:iaf_cond_exp',
    params: (p) => ({
      C_m: p.tau_m,
      g_L: 1,
      E_L: p.E_L,
      V_th: p.v_th,
      V_reset: p.v_reset,
      t_ref: p.t_ref,
      tau_syn_ex: p.tau_syn_ex,
      tau_syn_in: p.tau_syn_in,
      E_ex: p.E_ex,
      E_in: p.E_in,
      I_e: p.I_e,
    }),
  },
  izhikevich: { template: 'nest:izhikevich', params: (p) => ({ V_th: p.v_peak, I_e: p.I_e, consistent_integration: 0 }) },
  adex: {
    template: 'nest:aeif_psc_exp',
    params: (p) => ({
      C_m: p.C,
      g_L: p.g_L,
      E_L: p.E_L,
      V_th: p.V_T,
      Delta_T: p.Delta_T,
      tau_w: p.tau_w,
      a: p.a,
      b: p.b,
      V_reset: p.v_reset,
      V_peak: p.v_peak,
      t_ref: p.t_ref,
      tau_syn_ex: p.tau_syn_ex,
      tau_syn_in: p.tau_syn_in,
      I_e: p.I_e,
    }),
  },
  poisson: { template: 'nest:poisson_generator', params: (p) => ({ rate: p.rate }) },
};

interface H5Group {
  create_group(name: string): H5Group;
  create_dataset(args: Record<string, unknown>): { create_attribute(name: string, value: unknown): void };
  create_attribute(name: string, value: unknown): void;
}

/**
 * A SONATA description of the network as built (SONATA 0.0.1 / 1.x layout, the format
 * `nest.SonataNetwork` reads): `network/nodes.h5` with one node population per population
 * (node_type_id, node_group_id, node_group_index; group 0 holds x, y, z, w lattice positions,
 * lattice_id, and dynamics_params/<state> with the initial state), `network/edges.h5` with one
 * edge population per projection (source_node_id / target_node_id with their node_population
 * attributes, edge_type_id, edge_group_id, edge_group_index; group 0 holds syn_weight and delay
 * in ms), `network/node_types.csv`, `network/edge_types.csv`, the NEST parameter files under
 * `components/`, `circuit_config.json` and `simulation_config.json`.
 *
 * Units: LIF currents are written with C_m = τ_m (pF), so a weight of w mV here is w pA in NEST;
 * conductance LIF with g_L = 1 nS. Inputs other than constant currents (Poisson inputs, noise,
 * sense inputs, spike lists) are not part of SONATA's circuit: they are listed in
 * `neurite_inputs.json` beside it. Plastic projections are written with their current weights
 * and an `stdp_synapse` edge type.
 */
export async function sonataFiles(sim: Simulator): Promise<SonataFiles> {
  const { default: h5 } = await import('h5wasm');
  const module = (await h5.ready) as unknown as { FS: { readFile(p: string): Uint8Array; unlink(p: string): void } };
  const files: SonataFiles = {};
  const write = (path: string, fill: (f: H5Group) => void) => {
    const scratch = `/brain4d-sonata-${Date.now()}-${Math.random().toString(36).slice(2)}.h5`;
    const f = new h5.File(scratch, 'w') as unknown as H5Group & { close(): void };
    try {
      fill(f);
    } finally {
      f.close();
    }
    files[path] = module.FS.readFile(scratch).slice();
    module.FS.unlink(scratch);
  };
  const params = (pop: Population) => {
    const k = sim.internals.kargs[sim.populations.indexOf(pop)];
    return k.p;
  };
  const nodeTypes = ['node_type_id model_type model_template dynamics_params pop_name'];
  write('network/nodes.h5', (f) => {
    const nodes = f.create_group('nodes');
    sim.populations.forEach((pop, i) => {
      const g = nodes.create_group(pop.name);
      g.create_dataset({ name: 'node_type_id', data: new Int32Array(pop.n).fill(100 + i) });
      g.create_dataset({ name: 'node_group_id', data: new Int32Array(pop.n) });
      g.create_dataset({ name: 'node_group_index', data: Int32Array.from({ length: pop.n }, (_, k) => k) });
      const g0 = g.create_group('0');
      const [X, Y, Z] = sim.spec.lattice;
      const coord = (axis: number) =>
        Float64Array.from(pop.ids, (id) => {
          const x = id % X;
          const y = Math.floor(id / X) % Y;
          const z = Math.floor(id / (X * Y)) % Z;
          const w = Math.floor(id / (X * Y * Z));
          return [x, y, z, w][axis];
        });
      ['x', 'y', 'z', 'w'].forEach((name, axis) => g0.create_dataset({ name, data: coord(axis) }));
      g0.create_dataset({ name: 'lattice_id', data: Int32Array.from(pop.ids) });
      const dyn = g0.create_group('dynamics_params');
      const nestState: Record<string, string> = { v: 'V_m', u: 'U_m', w: 'w' };
      for (const [k, arr] of Object.entries(pop.state))
        if (nestState[k]) dyn.create_dataset({ name: nestState[k], data: Float64Array.from(arr) });
      const kargs = sim.internals.kargs[i];
      for (const [k, arr] of Object.entries(kargs.pn)) dyn.create_dataset({ name: k, data: Float64Array.from(arr) });
      const nest = NEST[pop.model];
      nodeTypes.push(`${100 + i} ${pop.model === 'poisson' ? 'virtual' : 'point_neuron'} ${nest.template} ${pop.name}.json ${pop.name}`);
      files[`components/point_neuron_models_dir/${pop.name}.json`] = JSON.stringify(nest.params(params(pop)), null, 2) + '\n';
    });
  });
  const edgeTypes = ['edge_type_id model_template dynamics_params receptor'];
  write('network/edges.h5', (f) => {
    const edges = f.create_group('edges');
    sim.projections.forEach((pr, i) => {
      const name = `${pr.source.name}_to_${pr.target.name}_${i}`;
      const g = edges.create_group(name);
      const m = pr.tgt.length;
      const src = new Int32Array(m);
      for (let s = 0; s + 1 < pr.rowPtr.length; s++) src.fill(s, pr.rowPtr[s], pr.rowPtr[s + 1]);
      g.create_dataset({ name: 'source_node_id', data: src }).create_attribute('node_population', pr.source.name);
      g.create_dataset({ name: 'target_node_id', data: Int32Array.from(pr.tgt) }).create_attribute('node_population', pr.target.name);
      g.create_dataset({ name: 'edge_type_id', data: new Int32Array(m).fill(100 + i) });
      g.create_dataset({ name: 'edge_group_id', data: new Int32Array(m) });
      g.create_dataset({ name: 'edge_group_index', data: Int32Array.from({ length: m }, (_, k) => k) });
      const g0 = g.create_group('0');
      // Inhibitory receptors of the current-based models take signed weights; NEST routes by sign.
      g0.create_dataset({ name: 'syn_weight', data: Float64Array.from(pr.w) });
      g0.create_dataset({
        name: 'delay',
        data: pr.d ? Float64Array.from(pr.d, (d) => d * sim.dt) : new Float64Array(m).fill(pr.delay * sim.dt),
      });
      const synapse = pr.stdp ? 'stdp_synapse' : 'static_synapse';
      edgeTypes.push(`${100 + i} ${synapse} ${name}.json ${pr.spec.receptor}`);
      const dyn: Record<string, number | string> = {};
      if (pr.stdp) {
        const s = pr.stdp.spec;
        Object.assign(dyn, {
          tau_plus: s.tau_plus,
          lambda: s.a_plus,
          alpha: s.a_minus / s.a_plus,
          Wmax: s.w_max,
          mu_plus: s.rule === 'additive' ? 0 : 1,
          mu_minus: s.rule === 'additive' ? 0 : 1,
        });
      }
      files[`components/synaptic_models/${name}.json`] = JSON.stringify(dyn, null, 2) + '\n';
    });
  });
  files['network/node_types.csv'] = nodeTypes.join('\n') + '\n';
  files['network/edge_types.csv'] = edgeTypes.join('\n') + '\n';
  files['circuit_config.json'] =
    JSON.stringify(
      {
        manifest: { $BASE_DIR: '.', $NETWORK_DIR: '$BASE_DIR/network', $COMPONENTS_DIR: '$BASE_DIR/components' },
        components: {
          point_neuron_models_dir: '$COMPONENTS_DIR/point_neuron_models_dir',
          synaptic_models_dir: '$COMPONENTS_DIR/synaptic_models',
        },
        networks: {
          nodes: [{ nodes_file: '$NETWORK_DIR/nodes.h5', node_types_file: '$NETWORK_DIR/node_types.csv' }],
          edges: [{ edges_file: '$NETWORK_DIR/edges.h5', edge_types_file: '$NETWORK_DIR/edge_types.csv' }],
        },
      },
      null,
      2,
    ) + '\n';
  files['simulation_config.json'] =
    JSON.stringify(
      {
        manifest: { $BASE_DIR: '.' },
        target_simulator: 'NEST',
        run: { tstop: sim.spec.duration, dt: sim.dt },
        network: '$BASE_DIR/circuit_config.json',
      },
      null,
      2,
    ) + '\n';
  files['neurite_inputs.json'] =
    JSON.stringify({ seed: sim.seed, dt: sim.dt, inputs: sim.spec.inputs, senses: sim.spec.senses }, null, 2) + '\n';
  if (Object.keys(files).length === 0) throw new Brain4dError('network', 'nothing to export');
  return files;
}
