import type { IzhikevichPreset, ModelName } from './network-spec.js';

/** What the schema knows about a model: parameters with defaults, state variables, receptor ports. */
export interface ModelInfo {
  /** Parameter defaults (every parameter must appear here). */
  params: Record<string, number>;
  /** Parameters that must be > 0 (time constants, capacitance). */
  positive: string[];
  /** Parameters that may differ per neuron (the others must be one number). */
  perNeuron: string[];
  /** State variables with their initial values (a function of the parameters). */
  state: Record<string, (p: Record<string, number>) => number>;
  /** Receptor ports in channel order (channel 0, channel 1). */
  ports: string[];
}

/**
 * The neuron models:
 * - `lif`: τ_m dv/dt = E_L − v + I_e + g_ex + g_in, τ_ex dg_ex/dt = −g_ex, τ_in dg_in/dt = −g_in
 *   (currents as R·I in mV; Brette et al. 2007 CUBA form); exact integration.
 * - `lif_cond`: τ_m dv/dt = E_L − v + I_e + g_ex (E_ex − v) + g_in (E_in − v), conductances
 *   relative to the leak; exponential Euler with the conductances of the step start.
 * - `izhikevich`: dv/dt = 0.04v² + 5v + 140 − u + I, du/dt = a(bv − u); v ≥ v_peak → v = c,
 *   u += d; two half steps for v then one for u (Izhikevich 2003, net.m).
 * - `adex`: C dv/dt = −g_L(v − E_L) + g_L Δ_T exp((v − V_T)/Δ_T) − w + I_e + I_ex + I_in,
 *   τ_w dw/dt = a(v − E_L) − w; v > v_peak → v = v_reset, w += b (Brette & Gerstner 2005);
 *   forward Euler for v and w, exact decay of the exponential synaptic currents (pA).
 * - `poisson`: a spike source, each neuron spikes with probability rate·dt per step.
 */
export const MODELS: Record<ModelName, ModelInfo> = {
  lif: {
    params: { tau_m: 20, E_L: -65, v_reset: -65, v_th: -50, t_ref: 2, tau_syn_ex: 5, tau_syn_in: 5, I_e: 0 },
    positive: ['tau_m', 'tau_syn_ex', 'tau_syn_in'],
    perNeuron: [],
    state: { v: (p) => p.E_L, g_ex: () => 0, g_in: () => 0 },
    ports: ['exc', 'inh'],
  },
  lif_cond: {
    params: { tau_m: 20, E_L: -65, v_reset: -65, v_th: -50, t_ref: 2, tau_syn_ex: 5, tau_syn_in: 10, E_ex: 0, E_in: -80, I_e: 0 },
    positive: ['tau_m', 'tau_syn_ex', 'tau_syn_in'],
    perNeuron: [],
    state: { v: (p) => p.E_L, g_ex: () => 0, g_in: () => 0 },
    ports: ['exc', 'inh'],
  },
  izhikevich: {
    params: { a: 0.02, b: 0.2, c: -65, d: 8, v_peak: 30, I_e: 0 },
    positive: [],
    perNeuron: ['a', 'b', 'c', 'd'],
    state: { v: () => -65, u: (p) => p.b * -65 },
    ports: ['current'],
  },
  adex: {
    params: {
      C: 281,
      g_L: 30,
      E_L: -70.6,
      V_T: -50.4,
      Delta_T: 2,
      tau_w: 144,
      a: 4,
      b: 80.5,
      v_reset: -70.6,
      v_peak: -40.4,
      t_ref: 0,
      tau_syn_ex: 5,
      tau_syn_in: 5,
      I_e: 0,
    },
    positive: ['C', 'g_L', 'Delta_T', 'tau_w', 'tau_syn_ex', 'tau_syn_in'],
    perNeuron: [],
    state: { v: (p) => p.E_L, w: () => 0, I_ex: () => 0, I_in: () => 0 },
    ports: ['exc', 'inh'],
  },
  poisson: { params: { rate: 10 }, positive: [], perNeuron: ['rate'], state: {}, ports: [] },
};

/** Izhikevich (2003) fig. 2 presets (a, b, c, d). */
export const IZHIKEVICH_PRESETS: Record<IzhikevichPreset, { a: number; b: number; c: number; d: number }> = {
  RS: { a: 0.02, b: 0.2, c: -65, d: 8 },
  IB: { a: 0.02, b: 0.2, c: -55, d: 4 },
  CH: { a: 0.02, b: 0.2, c: -50, d: 2 },
  FS: { a: 0.1, b: 0.2, c: -65, d: 2 },
  LTS: { a: 0.02, b: 0.25, c: -65, d: 2 },
  TC: { a: 0.02, b: 0.25, c: -65, d: 0.05 },
  RZ: { a: 0.1, b: 0.26, c: -65, d: 2 },
};
