/** The SONATA export read back with h5wasm: every synapse, weight, delay and node as built. */
import { describe, expect, it } from 'vitest';
import { Simulator, sonataFiles } from '../src/index.js';
import { example } from './helpers.js';

describe('sonataFiles', () => {
  it('writes nodes and edges HDF5 files holding the built network, and the JSON configs', async () => {
    const net = example('cuba.json');
    for (const p of net.projections) p.delay = { dist: 'uniform', low: 1, high: 5 };
    const sim = new Simulator(net);
    const files = await sonataFiles(sim);
    const { default: h5 } = await import('h5wasm');
    const mod = (await h5.ready) as unknown as { FS: { writeFile(p: string, d: Uint8Array): void } };
    mod.FS.writeFile('/t-nodes.h5', files['network/nodes.h5'] as Uint8Array);
    mod.FS.writeFile('/t-edges.h5', files['network/edges.h5'] as Uint8Array);
    const nodes = new h5.File('/t-nodes.h5', 'r');
    const edges = new h5.File('/t-edges.h5', 'r');
    const ds = (f: typeof nodes, p: string) => (f.get(p) as unknown as { value: ArrayLike<number> }).value;
    for (const pop of sim.populations) {
      expect(Array.from(ds(nodes, `nodes/${pop.name}/0/lattice_id`))).toEqual(Array.from(pop.ids));
      expect(Array.from(ds(nodes, `nodes/${pop.name}/0/dynamics_params/V_m`))).toEqual(Array.from(pop.state.v));
    }
    sim.projections.forEach((pr, i) => {
      const g = `edges/${pr.source.name}_to_${pr.target.name}_${i}`;
      const src = ds(edges, `${g}/source_node_id`);
      const tgt = ds(edges, `${g}/target_node_id`);
      const w = ds(edges, `${g}/0/syn_weight`);
      const d = ds(edges, `${g}/0/delay`);
      expect(src.length).toBe(pr.tgt.length);
      let bad = 0;
      for (let s = 0; s + 1 < pr.rowPtr.length; s++)
        for (let k = pr.rowPtr[s]; k < pr.rowPtr[s + 1]; k++) {
          // Delays in ms: steps × dt, the float64 product.
          if (src[k] !== s || tgt[k] !== pr.tgt[k] || w[k] !== pr.w[k] || d[k] !== pr.d![k] * 0.1) bad++;
        }
      expect(bad).toBe(0);
      const attr = (edges.get(`${g}/source_node_id`) as unknown as { attrs: Record<string, { value: unknown }> }).attrs;
      expect(attr.node_population.value).toBe(pr.source.name);
    });
    nodes.close();
    edges.close();
    const circuit = JSON.parse(files['circuit_config.json'] as string);
    expect(circuit.networks.nodes[0].nodes_file).toBe('$NETWORK_DIR/nodes.h5');
    expect(files['network/node_types.csv']).toContain('nest:iaf_psc_exp');
    expect(JSON.parse(files['components/point_neuron_models_dir/exc.json'] as string)).toMatchObject({
      C_m: 20,
      tau_m: 20,
      V_th: -50,
      E_L: -49,
    });
  }, 30_000);
});
