/** NIR export: CubaLIF + Affine nodes holding the network, read back through @neurite/nir's HDF5 round trip. */
import { decodeNir, encodeNir } from '@neurite/nir';
import { describe, expect, it } from 'vitest';
import { Brain4dError, Simulator, toNir } from '../src/index.js';
import { example } from './helpers.js';

const net = {
  dt: 0.1,
  lattice: [30, 1, 1, 1],
  populations: {
    e: {
      size: [20, 1, 1, 1],
      model: 'lif',
      params: { tau_m: 10, E_L: -65, v_th: -50, v_reset: -70, t_ref: 0, tau_syn_ex: 2, tau_syn_in: 2 },
    },
    i: {
      origin: [20, 0, 0, 0],
      size: [10, 1, 1, 1],
      model: 'lif',
      params: { tau_m: 10, E_L: -65, v_th: -50, v_reset: -70, t_ref: 0, tau_syn_ex: 2, tau_syn_in: 2 },
    },
  },
  projections: [
    { source: 'e', target: 'i', rule: { type: 'fixed_probability', p: 0.3 }, weight: { dist: 'uniform', low: 0, high: 2 } },
    { source: 'i', target: 'e', rule: { type: 'fixed_indegree', k: 3 }, weight: -4 },
  ],
};

describe('toNir', () => {
  it('writes CubaLIF populations and dense Affine projections that survive the .nir round trip', async () => {
    const sim = new Simulator(net);
    const { graph } = await decodeNir(await encodeNir(toNir(sim)));
    const nodes = graph.nodes;
    const e = nodes.e;
    if (e.type !== 'CubaLIF') throw new Error(`expected CubaLIF, got ${e.type}`);
    expect(e.tau_mem.data[0]).toBeCloseTo(0.01, 9);
    // w_in = τ_syn (s): a spike of weight w makes I jump by w_in·w/τ_syn = w, as g jumps here.
    expect(e.w_in.data[0]).toBeCloseTo(0.002, 9);
    expect(e.v_reset.data[0]).toBe(-70);
    sim.projections.forEach((pr, k) => {
      const a = nodes[`${pr.source.name}_to_${pr.target.name}_${k}`];
      if (a.type !== 'Affine') throw new Error(`expected Affine, got ${a.type}`);
      expect(a.weight.shape).toEqual([pr.target.n, pr.source.n]);
      const dense = new Float32Array(pr.target.n * pr.source.n);
      for (let s = 0; s < pr.source.n; s++)
        for (let q = pr.rowPtr[s]; q < pr.rowPtr[s + 1]; q++) dense[pr.tgt[q] * pr.source.n + s] += pr.w[q];
      expect(Array.from(a.weight.data)).toEqual(Array.from(dense));
    });
  });

  it('writes two synaptic time constants as LI synapse nodes feeding a LIF node, I_e in v_leak, delays as Delay nodes', async () => {
    const params = { tau_m: 20, E_L: -60, v_th: -50, v_reset: -60, t_ref: 0, tau_syn_ex: 5, tau_syn_in: 10, I_e: 3 };
    const two = structuredClone(net) as Record<string, any>;
    two.populations.e.params = params;
    two.populations.i.params = params;
    two.projections[1].delay = 25; // steps
    const sim = new Simulator(two);
    const { graph } = await decodeNir(await encodeNir(toNir(sim)));
    const { nodes, edges } = graph;
    const e = nodes.e;
    if (e.type !== 'LIF') throw new Error(`expected LIF, got ${e.type}`);
    // τ_m dv/dt = E_L − v + I_e + g: the constant current moves the leak potential to E_L + I_e.
    expect(e.v_leak.data[0]).toBe(-57);
    expect(e.tau.data[0]).toBeCloseTo(0.02, 9);
    for (const [receptor, tau] of [
      ['exc', 0.005],
      ['inh', 0.01],
    ] as const) {
      const li = nodes[`e_${receptor}`];
      if (li.type !== 'LI') throw new Error(`expected LI, got ${li.type}`);
      // τ dg/dt = −g + r·x with r = τ: a spike of weight w raises g by w.
      expect(li.tau.data[0]).toBeCloseTo(tau, 9);
      expect(li.r.data[0]).toBeCloseTo(tau, 9);
      expect(li.v_leak.data[0]).toBe(0);
      expect(edges).toContainEqual([`e_${receptor}`, 'e']);
    }
    // i → e, 25 steps: Affine → Delay of 24 steps → the synapse node of its receptor.
    const d = nodes.i_to_e_1_delay;
    if (d.type !== 'Delay') throw new Error(`expected Delay, got ${d.type}`);
    expect(d.delay.data[0]).toBeCloseTo(0.0024, 9);
    expect(edges).toContainEqual(['i_to_e_1', 'i_to_e_1_delay']);
    expect(edges).toContainEqual(['i_to_e_1_delay', `e_${sim.projections[1].spec.receptor}`]);
    expect(edges).toContainEqual(['e_to_i_0', `i_${sim.projections[0].spec.receptor}`]);
  });

  it('drops refractory periods only when asked, listing them in the metadata', async () => {
    const refr = structuredClone(net) as Record<string, any>;
    refr.populations.e.params.t_ref = 2;
    const sim = new Simulator(refr);
    expect(() => toNir(sim)).toThrow(/t_ref/);
    const { graph } = await decodeNir(await encodeNir(toNir(sim, { refractory: 'drop' })));
    expect(graph.nodes.e.type).toBe('CubaLIF');
    expect(graph.metadata.brain4d_dropped_t_ref).toEqual({ e: 2 });
  });

  it('refuses what NIR cannot hold, naming the key path', () => {
    try {
      toNir(new Simulator(example('cuba.json')));
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(Brain4dError);
      expect((e as Brain4dError).argument).toBe('populations.exc.params.t_ref');
      expect((e as Brain4dError).code).toBe('ERR_UNSUPPORTED');
    }
  });
});
