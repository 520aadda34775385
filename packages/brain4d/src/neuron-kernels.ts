import type { Rng } from '@neurite/tensor';
import type { LifWasm } from './lif-wasm.js';

/**
 * One population's time-driven update for one step. `G` holds the synaptic channel
 * variables of every neuron (channel 0 at [0, N), channel 1 at [N, 2N)); the kernel reads
 * the channels of its neurons, advances every state variable by dt, writes the indices of
 * the neurons that spiked (global, ascending) into `spikes` from position `ns` on and returns
 * the new count. Spikes that reach the population during the step were added to `G` before;
 * `t` is the step.
 */
export type NeuronKernel = (G: Float64Array, spikes: Int32Array, ns: number, rng: Rng, t: number) => number;

/** The arrays and constants a kernel closes over. */
export interface KernelArgs {
  n: number;
  /** Global index of the population's first neuron. */
  offset: number;
  /** Total neuron count (offset of channel 1 in G). */
  N: number;
  dt: number;
  /** Scalar parameters. */
  p: Record<string, number>;
  /** Per-neuron parameters (izhikevich a, b, c, d; poisson rate). */
  pn: Record<string, Float64Array>;
  /** State variables. */
  state: Record<string, Float64Array>;
  /**
   * Refractory state per neuron: `lif`, the step of its last spike (−∞ before the first);
   * the other models, the countdown of refractory steps left.
   */
  ref: Float64Array;
  /** Constant drive per neuron added to the model's input (current inputs, sense inputs, I_e). */
  bias: Float64Array;
  /** Whether every entry of `bias` is the same (kept up to date by the simulator; the SIMD LIF loop then reads one constant). */
  biasUniform?: boolean;
  /** Poisson sources in a partitioned run: draw for the whole population, emit only local indices in [from, to). */
  range?: [number, number];
}

/** e^{−dt/τ}: decay of an exponential synaptic variable over one step. */
const decay = (dt: number, tau: number) => Math.exp(-dt / tau);

/**
 * Exact LIF (current-based). Between spikes the system is linear:
 *   v(t+dt) = v∞ + (v − v∞)·P + g_ex·P_ex + g_in·P_in,  v∞ = E_L + I_e + I_ext,
 *   P = e^{−dt/τ_m},  P_s = τ_s/(τ_s − τ_m)·(e^{−dt/τ_s} − e^{−dt/τ_m})  (= (dt/τ_m)·e^{−dt/τ_m} when τ_s = τ_m),
 *   g_s(t+dt) = g_s·e^{−dt/τ_s}.
 * A spike (v > v_th) at step t_s resets v to v_reset and holds it there until step
 * t_s + n_ref, n_ref = round(t_ref/dt) (Brian2's `unless refractory`: the neuron integrates
 * again on step t_s + t_ref/dt); `ref` holds t_s. With `wasm` (state in that WebAssembly
 * memory) the update runs as the SIMD loop of lif-wasm.ts, bitwise the same.
 */
export function lifKernel(
  a: KernelArgs,
  options: { codegen?: boolean; wasm?: { lif: LifWasm; lifUniform: LifWasm; consts: Float64Array } } = {},
): NeuronKernel {
  const { n, offset, N, dt, p, ref, bias } = a;
  const v = a.state.v;
  const c = lifConstants(p, dt);
  const { P, Pe, Pi, De, Di, vth, vreset, nref } = c;
  const c1 = offset + N;
  /** The scalar update of neurons from … n − 1. */
  const range =
    (from: number): NeuronKernel =>
    (G, spikes, ns, _rng, t) => {
      const tRef = t - nref;
      for (let i = from; i < n; i++) {
        const ge = G[offset + i];
        const gi = G[c1 + i];
        G[offset + i] = ge * De;
        G[c1 + i] = gi * Di;
        if (ref[i] > tRef) continue;
        const b = bias[i];
        let vi = b + (v[i] - b) * P + ge * Pe + gi * Pi;
        if (vi > vth) {
          spikes[ns++] = offset + i;
          vi = vreset;
          ref[i] = t;
        }
        v[i] = vi;
      }
      return ns;
    };
  const w = options.wasm;
  if (w && v.buffer === w.consts.buffer && ref.buffer === v.buffer && bias.buffer === v.buffer) {
    // Two neurons per SIMD instruction; an odd last neuron by the scalar loop (the same arithmetic).
    const { consts } = w;
    consts.set([P, Pe, Pi, De, Di, vth, vreset, nref, 0]);
    const bytes = 16 * (n >> 1);
    const tail = n & 1 ? range(n - 1) : null;
    const [vp, rp, bp, cp] = [v.byteOffset, ref.byteOffset, bias.byteOffset, consts.byteOffset];
    return (G, spikes, ns, rng, t) => {
      const g0 = G.byteOffset + 8 * offset;
      let f = w.lif;
      if (a.biasUniform) {
        consts[8] = bias[0];
        f = w.lifUniform;
      }
      ns = f(g0, g0 + 8 * N, vp, rp, bp, bytes, spikes.byteOffset, ns, offset, cp, t, t - nref);
      return tail ? tail(G, spikes, ns, rng, t) : ns;
    };
  }
  if (options.codegen !== false) {
    const f = compileLif(n, offset, N, c);
    if (f) return (G, spikes, ns, _rng, t) => f(G, spikes, ns, v, ref, bias, t);
  }
  return range(0);
}

/** The propagators of {@link lifKernel}. */
function lifConstants(p: Record<string, number>, dt: number) {
  const P = Math.exp(-dt / p.tau_m);
  const ps = (tau: number) => (tau === p.tau_m ? (dt / tau) * P : (tau / (tau - p.tau_m)) * (Math.exp(-dt / tau) - P));
  return {
    P,
    Pe: ps(p.tau_syn_ex),
    Pi: ps(p.tau_syn_in),
    De: decay(dt, p.tau_syn_ex),
    Di: decay(dt, p.tau_syn_in),
    vth: p.v_th,
    vreset: p.v_reset,
    nref: Math.round(p.t_ref / dt),
  };
}

type LifFn = (G: Float64Array, spikes: Int32Array, ns: number, v: Float64Array, ref: Float64Array, bias: Float64Array, t: number) => number;

/**
 * The same update as a function generated for this population, its constants written as
 * literals (JavaScript's shortest round-trip number text, so the doubles are exact). V8 then
 * folds them into the loop; a closure shared by several populations reads them from its
 * context instead and runs 3–4× slower. Returns null where `Function` is unavailable
 * (a Content-Security-Policy without 'unsafe-eval'): the closure runs then.
 */
function compileLif(n: number, offset: number, N: number, c: ReturnType<typeof lifConstants>): LifFn | null {
  const L = (x: number) => `(${String(x)})`;
  const body = `
    const tRef = t - ${c.nref};
    for (let i = 0; i < ${n}; i++) {
      const ge = G[${offset} + i];
      const gi = G[${offset + N} + i];
      G[${offset} + i] = ge * ${L(c.De)};
      G[${offset + N} + i] = gi * ${L(c.Di)};
      if (ref[i] > tRef) continue;
      const b = bias[i];
      let vi = b + (v[i] - b) * ${L(c.P)} + ge * ${L(c.Pe)} + gi * ${L(c.Pi)};
      if (vi > ${L(c.vth)}) {
        spikes[ns++] = ${offset} + i;
        vi = ${L(c.vreset)};
        ref[i] = t;
      }
      v[i] = vi;
    }
    return ns;`;
  try {
    return new Function('G', 'spikes', 'ns', 'v', 'ref', 'bias', 't', body) as LifFn;
  } catch {
    return null;
  }
}

/**
 * Conductance-based LIF, exponential Euler with the conductances of the step start:
 *   g = 1 + g_ex + g_in,  v∞ = (E_L + I + g_ex·E_ex + g_in·E_in)/g,  v ← v∞ + (v − v∞)·e^{−g·dt/τ_m};
 * g_s decays exactly. Refractoriness as in {@link lifKernel}.
 */
export function lifCondKernel(a: KernelArgs): NeuronKernel {
  const { n, offset, N, dt, p, ref, bias } = a;
  const v = a.state.v;
  const De = decay(dt, p.tau_syn_ex);
  const Di = decay(dt, p.tau_syn_in);
  const k = -dt / p.tau_m;
  const { v_th: vth, v_reset: vreset, E_ex: Ee, E_in: Ei } = p;
  const nref = Math.round(p.t_ref / dt);
  const c1 = offset + N;
  return (G, spikes, ns) => {
    for (let i = 0; i < n; i++) {
      const ge = G[offset + i];
      const gi = G[c1 + i];
      G[offset + i] = ge * De;
      G[c1 + i] = gi * Di;
      const r = ref[i];
      if (r !== 0) {
        ref[i] = r - 1;
        if (r > 1) continue;
      }
      const g = 1 + ge + gi;
      const vinf = (bias[i] + ge * Ee + gi * Ei) / g;
      let vi = vinf + (v[i] - vinf) * Math.exp(k * g);
      if (vi > vth) {
        spikes[ns++] = offset + i;
        vi = vreset;
        ref[i] = nref;
      }
      v[i] = vi;
    }
    return ns;
  };
}

/**
 * Izhikevich (2003), the scheme of net.m: with I the input of the step (channel 0, then cleared)
 * plus the constant drive, v ← v + (dt/2)(0.04v² + 5v + 140 − u + I) twice, then
 * u ← u + dt·a(bv − u); v ≥ v_peak → spike, v = c, u += d. With dt = 1 ms this is net.m exactly.
 */
export function izhikevichKernel(a: KernelArgs): NeuronKernel {
  const { n, offset, dt, p, bias } = a;
  const { v, u } = a.state;
  const { a: pa, b: pb, c: pc, d: pd } = a.pn;
  const h = dt / 2;
  const vpeak = p.v_peak;
  return (G, spikes, ns) => {
    for (let i = 0; i < n; i++) {
      const I = G[offset + i] + bias[i];
      G[offset + i] = 0;
      let vi = v[i];
      const ui = u[i];
      vi += h * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
      vi += h * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
      let un = ui + dt * pa[i] * (pb[i] * vi - ui);
      if (vi >= vpeak) {
        spikes[ns++] = offset + i;
        vi = pc[i];
        un += pd[i];
      }
      v[i] = vi;
      u[i] = un;
    }
    return ns;
  };
}

/**
 * AdEx (Brette & Gerstner 2005), forward Euler for v and w, exact decay of I_ex, I_in (pA):
 *   v ← v + dt/C·(−g_L(v − E_L) + g_L Δ_T e^{(v − V_T)/Δ_T} − w + I),  w ← w + dt/τ_w·(a(v − E_L) − w);
 * v > v_peak → v = v_reset, w += b, v held for t_ref.
 */
export function adexKernel(a: KernelArgs): NeuronKernel {
  const { n, offset, N, dt, p, ref, bias } = a;
  const { v, w } = a.state;
  const De = decay(dt, p.tau_syn_ex);
  const Di = decay(dt, p.tau_syn_in);
  const { C, g_L: gL, E_L: EL, V_T: VT, Delta_T: DT, tau_w: tw, a: aa, b: bb, v_reset: vreset, v_peak: vpeak } = p;
  const nref = Math.round(p.t_ref / dt);
  const c1 = offset + N;
  return (G, spikes, ns) => {
    for (let i = 0; i < n; i++) {
      const ie = G[offset + i];
      const ii = G[c1 + i];
      G[offset + i] = ie * De;
      G[c1 + i] = ii * Di;
      let vi = v[i];
      const wi = w[i];
      const r = ref[i];
      if (r !== 0) ref[i] = r - 1;
      if (r <= 1) vi += (dt / C) * (-gL * (vi - EL) + gL * DT * Math.exp((vi - VT) / DT) - wi + ie + ii + bias[i]);
      let wn = wi + (dt / tw) * (aa * (v[i] - EL) - wi);
      if (vi > vpeak) {
        spikes[ns++] = offset + i;
        vi = vreset;
        wn += bb;
        ref[i] = nref;
      }
      v[i] = vi;
      w[i] = wn;
    }
    return ns;
  };
}

/**
 * Poisson spike source: each neuron spikes with probability rate·dt per step (at most once),
 * drawn as K ~ Binomial(n, rate·dt) and K distinct neurons (the same law, O(K) per step);
 * per-neuron rates draw one uniform per neuron.
 */
export function poissonKernel(a: KernelArgs): NeuronKernel {
  const { n, offset, dt } = a;
  const rate = a.pn.rate;
  let uniformRate = true;
  for (let i = 1; i < n; i++) if (rate[i] !== rate[0]) uniformRate = false;
  const pr = (rate[0] * dt) / 1000;
  const [lo, hi] = a.range ?? [0, n];
  if (uniformRate) {
    return (_G, spikes, ns, rng) => {
      if (pr <= 0) return ns;
      const k = pr >= 1 ? n : rng.binomial(n, pr);
      if (k === 0) return ns;
      const pick = rng.sampleWithoutReplacement(n, k).sort();
      for (let q = 0; q < k; q++) if (pick[q] >= lo && pick[q] < hi) spikes[ns++] = offset + pick[q];
      return ns;
    };
  }
  const prs = rate.map((r) => (r * dt) / 1000);
  return (_G, spikes, ns, rng) => {
    for (let i = 0; i < n; i++) if (rng.uniform() < prs[i] && i >= lo && i < hi) spikes[ns++] = offset + i;
    return ns;
  };
}
