/**
 * The fixed-point engine against the float64 engine: a single neuron's trace within the
 * quantisation bound derived below, and CUBA's population rates within the spread of the
 * float64 engine over seeds.
 */
import { describe, expect, it } from 'vitest';
import { Brain4dError, Simulator } from '../src/index.js';
import { STATE_LSB } from '../src/fixed-point.js';
import { example } from './helpers.js';

/** A driver neuron (tonic, I_e above threshold) onto one target through an exc synapse (delay 1) and an inh one (delay 3), with a current step. */
function twoNeurons(): Record<string, unknown> {
  const lif = { tau_m: 20, E_L: -65, v_reset: -65, v_th: -50, t_ref: 2, tau_syn_ex: 5, tau_syn_in: 10 };
  return {
    dt: 0.1,
    seed: 1,
    lattice: [2, 1, 1, 1],
    populations: {
      src: { size: [1, 1, 1, 1], model: 'lif', params: { ...lif, I_e: 20 } },
      dst: {
        origin: [1, 0, 0, 0],
        size: [1, 1, 1, 1],
        model: 'lif',
        params: { ...lif, I_e: 14.1 },
        init: { v: -55.3, g_ex: 3.1, g_in: -2.2 },
      },
    },
    projections: [
      { source: 'src', target: 'dst', rule: { type: 'all_to_all' }, weight: 25.37, receptor: 'exc' },
      { source: 'src', target: 'dst', rule: { type: 'all_to_all' }, weight: -4.13, delay: 3, receptor: 'inh' },
    ],
    inputs: [{ type: 'current', target: 'dst', amplitude: 1.7, start: 100, stop: 200 }],
    monitors: {
      spikes: true,
      state: ['v', 'g_ex', 'g_in'].map((variable) => ({ population: 'dst', variable, neurons: [0] })),
    },
  };
}

describe('fixed engine: single-neuron trace', () => {
  it('stays within the quantisation bound of the float64 trace, with the same spike steps', () => {
    const steps = 3000;
    const f64 = new Simulator(twoNeurons(), { engine: 'js' });
    const fx = new Simulator(twoNeurons(), { engine: 'fixed' });
    f64.run(steps * 0.1);
    fx.run(steps * 0.1);
    expect(fx.spikes().steps).toEqual(f64.spikes().steps);
    expect(fx.spikes().ids).toEqual(f64.spikes().ids);
    const dstSpikes = new Set(Array.from(f64.spikes().steps).filter((_, i) => f64.spikes().ids[i] === 1));
    const srcSpikes = new Set(Array.from(f64.spikes().steps).filter((_, i) => f64.spikes().ids[i] === 0));
    expect(dstSpikes.size).toBeGreaterThan(3);
    const [v, ge, gi] = [0, 1, 2].map((m) => f64.stateTrace(m).values.map((x) => x[0]));
    const vq = fx.stateTrace(0).values.map((x) => x[0]);
    // Worst-case error recurrence (u = 2^-16 mV, one LSB of Q15.16; ε = 2^-31, the largest error of a
    // Q1.30 propagator; each ⊗ rounds by at most u/2; weights, drive and initial values are off by
    // their exact quantisation errors q(x) = |x − round(x/u)·u| ≤ u/2):
    //   E_g(n) = D·E_g(n−1) + (|g(n−1)| + |w|·a + E_g(n−1))·ε + u/2 + a·q(w)      (a: arrivals in step n)
    //   E_v(n) = P·E_v(n−1) + (1−P)·q(b) + (|v−b| + E_v + q(b))·ε + Σ_s [P_s·E_g + (|g_s| + E_g)·ε] + 3u/2
    // and E_v = q(v_reset) on a spike, held while refractory. Beside it the float64 engine's own
    // rounding: below 1e-12 mV over these 3000 steps (about 10 roundings of ≤ 2^-53·65 mV a step).
    const u = STATE_LSB;
    const eps = 2 ** -31;
    const q = (x: number) => Math.abs(x - Math.round(x / u) * u);
    const dt = 0.1;
    const P = Math.exp(-dt / 20);
    const De = Math.exp(-dt / 5);
    const Di = Math.exp(-dt / 10);
    const Pe = (5 / (5 - 20)) * (De - P);
    const Pi = (10 / (10 - 20)) * (Di - P);
    const bias = (n: number) => -65 + 14.1 + (n >= 1000 && n < 2000 ? 1.7 : 0);
    let Ev = q(-55.3);
    let Ee = q(3.1);
    let Ei = q(-2.2);
    let prev = { v: -55.3, ge: 3.1, gi: -2.2 };
    let refUntil = -1;
    let worst = 0;
    let maxBound = 0;
    let maxErr = 0;
    for (let n = 0; n < steps; n++) {
      const b = bias(n);
      const ae = srcSpikes.has(n) ? 1 : 0;
      const ai = srcSpikes.has(n - 3) ? 1 : 0;
      const Ev1 =
        n < refUntil
          ? Ev
          : P * Ev +
            (1 - P) * q(b) +
            (Math.abs(prev.v - b) + Ev + q(b)) * eps +
            Pe * Ee +
            (Math.abs(prev.ge) + Ee) * eps +
            Pi * Ei +
            (Math.abs(prev.gi) + Ei) * eps +
            1.5 * u;
      Ee = De * Ee + (Math.abs(prev.ge) + 25.37 * ae + Ee) * eps + u / 2 + ae * q(25.37);
      Ei = Di * Ei + (Math.abs(prev.gi) + 4.13 * ai + Ei) * eps + u / 2 + ai * q(-4.13);
      Ev = Ev1;
      if (dstSpikes.has(n)) {
        Ev = q(-65);
        refUntil = n + 20;
      }
      const err = Math.abs(vq[n] - v[n]);
      expect(err, `step ${n}`).toBeLessThanOrEqual(Ev + 1e-12);
      worst = Math.max(worst, err / (Ev + 1e-12));
      maxErr = Math.max(maxErr, err);
      maxBound = Math.max(maxBound, Ev);
      prev = { v: v[n], ge: ge[n], gi: gi[n] };
    }
    // Scale of the bound: the three roundings of a step accumulate to (3u/2)/(1 − P) ≈ 301 u ≈ 4.6 µV
    // at most, the currents' rounding adds P_s·E_g/(1 − P) ≤ 0.3·u/2/(1 − D_s)… ≈ 2–3 u more: below 10 µV.
    expect(maxBound).toBeLessThan(1e-2);
    expect(maxErr).toBeLessThan(maxBound);
    expect(worst).toBeGreaterThan(0);
  });
});

describe('fixed engine: CUBA (Brette et al. 2007 benchmark 2)', () => {
  it("population rates over 0.5 s lie within the float64 engine's spread over 8 seeds", () => {
    const net = example('cuba.json');
    net.monitors = {};
    const ms = 500;
    const rate = (engine: 'fixed' | 'auto', seed: number) => {
      const sim = new Simulator({ ...net, seed }, { engine });
      const r = sim.run(ms).rates;
      return (r.exc * 3200 + r.inh * 800) / 4000;
    };
    const ref = Array.from({ length: 8 }, (_, s) => rate('auto', s + 1));
    const mean = ref.reduce((a, b) => a + b, 0) / ref.length;
    const sd = Math.sqrt(ref.reduce((a, b) => a + (b - mean) ** 2, 0) / (ref.length - 1));
    const fixed = rate('fixed', 1);
    // A ninth draw against the mean of eight: sd·√(1 + 1/8) is its standard deviation; 4σ (t with
    // 7 degrees of freedom: two-sided p ≈ 0.005). The rates differ over seeds by the initial
    // potentials and connectivity; the fixed engine's rounding is one more perturbation of a chaotic network.
    expect(sd).toBeGreaterThan(0);
    expect(Math.abs(fixed - mean)).toBeLessThanOrEqual(4 * sd * Math.sqrt(1 + 1 / 8));
    expect(fixed).toBeGreaterThan(1);
  }, 60_000);
});

describe('fixed engine: Poisson and spike-generator inputs', () => {
  it("receives the float64 engine's trains: g_ex within its rounding bound", () => {
    const lif = { tau_m: 20, E_L: -65, v_reset: -65, v_th: -20, t_ref: 2, tau_syn_ex: 5, tau_syn_in: 10 };
    const net = {
      dt: 0.1,
      seed: 3,
      lattice: [50, 1, 1, 1],
      populations: { p: { size: [50, 1, 1, 1], model: 'lif', params: lif } },
      inputs: [
        { type: 'poisson', target: 'p', rate: 300, weight: 0.75, receptor: 'exc' },
        { type: 'spikes', target: 'p', times: [5, 12.5], weight: 0.5, receptor: 'exc', neurons: [0, 1] },
      ],
      monitors: { state: [{ population: 'p', variable: 'g_ex', neurons: [0, 1, 2, 3, 4] }] },
    };
    const a = new Simulator(net, { engine: 'js' });
    const b = new Simulator(net, { engine: 'fixed' });
    a.run(100);
    b.run(100);
    const ga = a.stateTrace(0).values;
    const gb = b.stateTrace(0).values;
    // The weights 0.75 and 0.5 are exact in Q15.16, so only the decay's rounding (u/2 a step) and the
    // Q1.30 error of D_ex (ε·|g|) accumulate: E_g ≤ (u/2 + ε·g_max)/(1 − D_ex) ≈ 25.3 u ≈ 0.39 µV. One
    // event more or less would be 0.5 mV, still above 1e-3 mV after τ_ex·ln 500 ≈ 31 ms.
    const u = 2 ** -16;
    const gMax = Math.max(...ga.flatMap((r) => Array.from(r)));
    const bound = (u / 2 + 2 ** -31 * (gMax + 1)) / (1 - Math.exp(-0.1 / 5));
    let worst = 0;
    for (let n = 0; n < ga.length; n++) for (let i = 0; i < 5; i++) worst = Math.max(worst, Math.abs(ga[n][i] - gb[n][i]));
    expect(gMax).toBeGreaterThan(2);
    expect(worst).toBeLessThanOrEqual(bound);
  });
});

describe('fixed engine: errors', () => {
  it('names the model, plasticity or input it does not support', () => {
    const err = (net: unknown) => {
      try {
        new Simulator(net, { engine: 'fixed' });
      } catch (e) {
        return e as Brain4dError;
      }
      throw new Error('no error');
    };
    const izh = err(example('izhikevich-2003.json'));
    expect(izh).toBeInstanceOf(Brain4dError);
    expect(izh.code).toBe('ERR_UNSUPPORTED');
    expect(izh.argument).toMatch(/^populations\.\w+\.model$/);
    const stdp = example('stdp-song.json');
    const e2 = err(stdp);
    expect(e2.argument).toMatch(/^(populations\.\w+\.model|projections\[\d+\]\.plasticity)$/);
    const noiseIn = { ...twoNeurons(), inputs: [{ type: 'noise', target: 'dst', std: 1 }] };
    expect(err(noiseIn).argument).toBe('inputs[0].type');
    expect(() => new Simulator(twoNeurons(), { engine: 'webgpu' })).toThrow(/records spikes and rates only/);
    const gpu = new Simulator({ ...twoNeurons(), monitors: {} }, { engine: 'webgpu' });
    expect(() => gpu.run(1)).toThrow(/runAsync/);
    expect(() => gpu.step()).toThrow(/runAsync/);
  });
});
