/**
 * The neuron kernels against closed forms (exact LIF) and against single-neuron traces that
 * Brian2 2.5.1 wrote (scripts/brian2-fixtures.py → fixtures/brian2-single-neuron.json).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { lifKernel } from '../src/neuron-kernels.js';
import { fixture } from './helpers.js';

const one = (model: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  dt: 0.1,
  lattice: [1, 1, 1, 1],
  populations: { n: { size: [1, 1, 1, 1], model, params, ...extra } },
});

describe('lif (exact integration)', () => {
  it('fires tonically with the closed-form period t_ref − dt + dt·⌈τ_m ln((E_L − V_r)/(E_L − V_t))/dt⌉', () => {
    const params = { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5 };
    const sim = new Simulator({ ...one('lif', params, { init: { v: -60 } }), monitors: { spikes: true } });
    sim.run(10_000);
    const { steps } = sim.spikes();
    // Starting at v_reset the first spike needs j = ⌈ln 11 / (dt/τ)⌉ = 480 updates (steps 0…479);
    // afterwards 49 held steps and 480 updates: 529 steps, 52.9 ms, 18.90 Hz.
    const j = Math.ceil(Math.log(11) / (0.1 / 20));
    expect(j).toBe(480);
    expect(steps[0]).toBe(j - 1);
    for (let k = 1; k < steps.length; k++) expect(steps[k] - steps[k - 1]).toBe(49 + j);
    expect(steps.length).toBe(Math.floor((99_999 - (j - 1)) / (49 + j)) + 1);
    expect(sim.rates().n).toBeCloseTo(18.9, 10);
  });

  it('follows the closed-form PSP v − E_L = w·τ_s/(τ_s − τ_m)·(e^{−t/τ_s} − e^{−t/τ_m})', () => {
    const params = { tau_m: 20, E_L: -65, v_th: 0, tau_syn_ex: 5 };
    const sim = new Simulator({
      ...one('lif', params),
      inputs: [{ type: 'spikes', target: 'n', times: [1], weight: 3, receptor: 'exc' }],
      monitors: { state: [{ population: 'n', variable: 'v', neurons: [0] }] },
    });
    sim.run(100);
    const { values } = sim.stateTrace(0);
    // The spike at 1 ms (step 10) is first seen by the update of step 11: after update t the
    // elapsed time is (t − 10)·dt.
    for (let t = 0; t < 1000; t++) {
      const s = (t - 10) * 0.1;
      const expected = t <= 10 ? -65 : -65 + ((3 * 5) / (5 - 20)) * (Math.exp(-s / 5) - Math.exp(-s / 20));
      // Float64 propagators: rounding ~1e-15 relative per step, far below 1e-10 mV.
      expect(Math.abs(values[t][0] - expected)).toBeLessThan(1e-10);
    }
  });

  it('reproduces Brian2 (method exact, CUBA synapses, refractoriness, a current step)', () => {
    const f = fixture('brian2-single-neuron.json').lif;
    const sim = new Simulator({
      ...one('lif', f.params),
      inputs: [
        { type: 'spikes', target: 'n', times: f.exc_times, weight: f.exc_weight, receptor: 'exc' },
        { type: 'spikes', target: 'n', times: f.inh_times, weight: f.inh_weight, receptor: 'inh' },
        { type: 'current', target: 'n', amplitude: f.current.amplitude, start: f.current.start, stop: f.current.stop },
      ],
      monitors: { spikes: true, state: [{ population: 'n', variable: 'v', neurons: [0] }] },
    });
    sim.run(f.steps * f.dt);
    expect(Array.from(sim.spikes().steps)).toEqual(f.spike_steps);
    const { values } = sim.stateTrace(0);
    // Brian2's StateMonitor samples at the start of step t + 1 what this engine samples after step t.
    // Both integrate exactly in float64; Brian2 evaluates the propagator expression per step
    // (different rounding order): 1e-9 mV is ~1e5 ulp of 65 mV, a generous rounding bound.
    for (let t = 0; t + 1 < f.steps; t++) expect(Math.abs(values[t][0] - f.v[t + 1])).toBeLessThan(1e-9);
  });
});

describe('adex (forward Euler)', () => {
  it('reproduces Brian2 method euler (Brette & Gerstner 2005 parameters, 800 pA step)', () => {
    const f = fixture('brian2-single-neuron.json').adex;
    const sim = new Simulator({
      ...one('adex', {}),
      inputs: [{ type: 'current', target: 'n', amplitude: f.current.amplitude, start: f.current.start, stop: f.current.stop }],
      monitors: {
        spikes: true,
        state: [
          { population: 'n', variable: 'v', neurons: [0] },
          { population: 'n', variable: 'w', neurons: [0] },
        ],
      },
    });
    sim.run(f.steps * f.dt);
    expect(Array.from(sim.spikes().steps)).toEqual(f.spike_steps);
    const v = sim.stateTrace(0).values;
    const w = sim.stateTrace(1).values;
    // Same scheme, same order of operations up to the exp argument: float64 rounding, amplified
    // near the spike upstroke; 1e-6 mV / pA bounds it with margin.
    for (let t = 0; t + 1 < f.steps; t++) {
      expect(Math.abs(v[t][0] - f.v[t + 1])).toBeLessThan(1e-6);
      expect(Math.abs(w[t][0] - f.w[t + 1])).toBeLessThan(1e-6);
    }
  });
});

describe('izhikevich (net.m half steps)', () => {
  const f = fixture('brian2-single-neuron.json').izhikevich;
  for (const [preset, c] of Object.entries(f.cases as Record<string, { v: number[]; u: number[]; spike_steps: number[] }>)) {
    it(`reproduces Brian2's net.m scheme for preset ${preset}`, () => {
      const sim = new Simulator({
        dt: 1,
        lattice: [1, 1, 1, 1],
        populations: { n: { size: [1, 1, 1, 1], model: 'izhikevich', preset } },
        inputs: [{ type: 'current', target: 'n', amplitude: f.I }],
        monitors: {
          spikes: true,
          state: [
            { population: 'n', variable: 'v', neurons: [0] },
            { population: 'n', variable: 'u', neurons: [0] },
          ],
        },
      });
      sim.run(f.steps);
      // Brian2 rewrites the update expressions through sympy (another operand order), so the two
      // differ by float64 rounding (~1e-14) which every spike amplifies (v reaches 1e2–1e4 in the
      // step it crosses v_peak, and u integrates that v). Over the first 200 ms the amplified
      // difference stays far below 1e-5 (mV, and u's units); later the chaotic reset map lets
      // single rounding differences move spikes, so the comparison stops at 200 ms.
      const window = 200;
      const mine = Array.from(sim.spikes().steps).filter((s) => s < window);
      expect(mine).toEqual(c.spike_steps.filter((s) => s < window));
      expect(mine.length).toBeGreaterThan(2);
      const v = sim.stateTrace(0).values;
      const u = sim.stateTrace(1).values;
      for (let t = 0; t < window; t++) {
        expect(Math.abs(v[t][0] - c.v[t])).toBeLessThan(1e-5);
        expect(Math.abs(u[t][0] - c.u[t])).toBeLessThan(1e-5);
      }
    });
  }
});

describe('lifKernel code generation', () => {
  it('the generated update and the closure fallback give bit-identical states and spikes', () => {
    const mk = () => {
      const n = 500;
      const v = Float64Array.from({ length: n }, (_, i) => -60 + ((i * 0.6180339887) % 1) * 10);
      return {
        n,
        offset: 3,
        N: 510,
        dt: 0.1,
        p: { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5, tau_syn_ex: 5, tau_syn_in: 10 },
        pn: {},
        state: { v },
        ref: new Int32Array(n),
        bias: new Float64Array(n).fill(-49),
      };
    };
    const a = mk();
    const b = mk();
    const ka = lifKernel(a, { codegen: true });
    const kb = lifKernel(b, { codegen: false });
    const Ga = new Float64Array(1020);
    const Gb = new Float64Array(1020);
    const sa = new Int32Array(510);
    const sb = new Int32Array(510);
    let total = 0;
    for (let t = 0; t < 2000; t++) {
      // The same pseudo-random synaptic input into both.
      for (let q = 0; q < 20; q++) {
        const k = (t * 7919 + q * 104729) % 1020;
        Ga[k] += q % 4 === 0 ? -2 : 1.5;
        Gb[k] += q % 4 === 0 ? -2 : 1.5;
      }
      const na = ka(Ga, sa, 0, undefined as never);
      const nb = kb(Gb, sb, 0, undefined as never);
      expect(na).toBe(nb);
      expect(Array.from(sa.subarray(0, na))).toEqual(Array.from(sb.subarray(0, nb)));
      total += na;
    }
    expect(Array.from(a.state.v)).toEqual(Array.from(b.state.v));
    expect(Array.from(Ga)).toEqual(Array.from(Gb));
    expect(total).toBeGreaterThan(100);
  });
});
