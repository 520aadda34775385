/**
 * The neuron kernels against closed forms (exact LIF) and against single-neuron traces that
 * Brian2 2.5.1 wrote (scripts/brian2-fixtures.py → fixtures/brian2-single-neuron.json).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { lifModule, type LifWasm } from '../src/lif-wasm.js';
import { lifKernel } from '../src/neuron-kernels.js';
import { createStateHeap, heapBytes } from '../src/state-heap.js';
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

describe('lifKernel implementations', () => {
  it('the generated update, the closure fallback and the WebAssembly SIMD loop give bit-identical states and spikes', () => {
    const n = 501; // odd: the SIMD loop's last neuron goes through the scalar tail
    const N = 510;
    const offset = 3;
    const mod = lifModule();
    expect(mod).not.toBeNull(); // Node ≥ 20 has WebAssembly SIMD
    const heap = createStateHeap(heapBytes(2 * N, 8) + heapBytes(N, 4) + 3 * heapBytes(n, 8) + heapBytes(10, 8), true);
    const wasm = new WebAssembly.Instance(mod!, { e: { m: heap.memory! } }).exports as { lif: LifWasm; lifUniform: LifWasm };
    const mk = (alloc: (k: number) => Float64Array) => {
      const v = alloc(n);
      v.set(Float64Array.from({ length: n }, (_, i) => -60 + ((i * 0.6180339887) % 1) * 10));
      const bias = alloc(n);
      // A per-neuron drive for the first half of the run, then a uniform one (the SIMD loop's two variants).
      bias.set(Float64Array.from({ length: n }, (_, i) => -49 + (i % 7) * 0.1));
      const ref = alloc(n);
      ref.fill(-Infinity);
      return {
        n,
        offset,
        N,
        dt: 0.1,
        p: { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5, tau_syn_ex: 5, tau_syn_in: 10 },
        pn: {},
        state: { v },
        ref,
        bias,
        biasUniform: false,
      };
    };
    const args = [mk((k) => new Float64Array(k)), mk((k) => new Float64Array(k)), mk((k) => heap.f64(k))];
    const kernels = [
      lifKernel(args[0], { codegen: true }),
      lifKernel(args[1], { codegen: false }),
      lifKernel(args[2], { wasm: { ...wasm, consts: heap.f64(10) } }),
    ];
    const Gs = [new Float64Array(2 * N), new Float64Array(2 * N), heap.f64(2 * N)];
    const out = [new Int32Array(N), new Int32Array(N), heap.i32(N)];
    let total = 0;
    for (let t = 0; t < 4000; t++) {
      if (t === 2000)
        for (const a of args) {
          a.bias.fill(-48.5);
          a.biasUniform = true;
        }
      // The same pseudo-random synaptic input into each.
      for (let q = 0; q < 20; q++) {
        const k = (t * 7919 + q * 104729) % (2 * N);
        for (const G of Gs) G[k] += q % 4 === 0 ? -2 : 1.5;
      }
      const counts = kernels.map((k, i) => k(Gs[i], out[i], 0, undefined as never, t));
      for (let i = 1; i < 3; i++) {
        expect(counts[i]).toBe(counts[0]);
        expect(Array.from(out[i].subarray(0, counts[i]))).toEqual(Array.from(out[0].subarray(0, counts[0])));
      }
      total += counts[0];
    }
    for (let i = 1; i < 3; i++) {
      expect(Array.from(args[i].state.v)).toEqual(Array.from(args[0].state.v));
      expect(Array.from(args[i].ref)).toEqual(Array.from(args[0].ref));
      expect(Array.from(Gs[i])).toEqual(Array.from(Gs[0]));
    }
    expect(total).toBeGreaterThan(100);
  });
});
