import type { CubaLIFNode, CubaLINode, IFNode, INode, LIFNode, LINode, NirArray } from './types.js';

/** How the neuron ODEs are discretised (see {@link neuronCoefficients}). */
export type Integration = 'euler' | 'exact';

/**
 * Per-neuron constants of the discrete update, all with the shape of the
 * node's parameters (Float64 here; the executor casts to float32 tensors).
 *
 * Every neuron type is written as one linear step followed (for spiking types)
 * by a threshold and a reset; x is the summed input of the step, dt in seconds:
 *
 *   i[t+1] = aI · i[t] + bI · x[t]                     (CubaLI, CubaLIF only)
 *   v'     = aV · v[t] + cV · i[t] + bV · x[t] + kV
 *   z      = v' > v_threshold                           (IF, LIF, CubaLIF)
 *   v[t+1] = reset(v', z)
 *
 * `euler` (forward Euler, input as an impulse — the convention of Norse, and
 * of snnTorch up to the voltage scale R·dt/τ):
 *   LIF/LI:    aV = 1 − dt/τ,   bV = R·dt/τ,  kV = v_leak·dt/τ
 *   I/IF:      aV = 1,          bV = R·dt
 *   CubaLI(F): aI = 1 − dt/τ_syn, bI = w_in;
 *              aV = 1 − dt/τ_mem, cV = R·dt/τ_mem, bV = 0, kV = v_leak·dt/τ_mem
 *              (v is advanced with the synaptic current of the previous step, as Norse does)
 *
 * `exact` (the exact solution of the linear ODE over one step with x held
 * constant during the step — zero-order hold):
 *   LIF/LI:    aV = e^(−dt/τ),  bV = R(1 − aV),  kV = v_leak(1 − aV)
 *   I/IF:      aV = 1,          bV = R·dt
 *   CubaLI(F): aI = e^(−dt/τ_syn), bI = w_in(1 − aI);
 *              aV = e^(−dt/τ_mem), cV = R·τ_syn/(τ_syn − τ_mem)·(aI − aV)
 *                   (→ R·dt/τ_mem·aV when τ_syn = τ_mem),
 *              bV = w_in(R(1 − aV) − cV),  kV = v_leak(1 − aV)
 */
export interface NeuronCoefficients {
  /** Shape of the node's parameters (and of every array below). */
  shape: number[];
  /** Decay of v per step: v' = aV · v + … */
  aV: Float64Array;
  /** Gain of the step's summed input x on v. */
  bV: Float64Array;
  /** Constant drive of v per step (from v_leak). */
  kV: Float64Array;
  /** Gain of the synaptic current i on v (CubaLI, CubaLIF only). */
  cV?: Float64Array;
  /** Decay of the synaptic current per step (CubaLI, CubaLIF only). */
  aI?: Float64Array;
  /** Gain of the step's summed input x on i (CubaLI, CubaLIF only). */
  bI?: Float64Array;
}

type Neuron = INode | IFNode | LINode | LIFNode | CubaLINode | CubaLIFNode;

/**
 * The per-neuron constants of one discrete step of a neuron node (the equations are on
 * {@link NeuronCoefficients}), for a time step `dt` in seconds and the chosen integration.
 *
 * @example
 * ```ts
 * import { createNode, neuronCoefficients } from '@neurite/nir';
 *
 * // τ = 10 ms, R = 1, dt = 1 ms: Euler decay aV = 1 − dt/τ = 0.9, input gain bV = R·dt/τ = 0.1.
 * const lif = createNode('LIF', { tau: [0.01], r: [1], v_leak: [0], v_threshold: [1], v_reset: [0] });
 * const { aV, bV } = neuronCoefficients(lif, 1e-3, 'euler');
 * console.log(aV[0], bV[0]); // ≈ 0.9 ≈ 0.1
 * ```
 */
export function neuronCoefficients(n: Neuron, dt: number, integration: Integration): NeuronCoefficients {
  const shape = [...n.r.shape];
  const len = n.r.data.length;
  const mk = () => new Float64Array(len);
  const aV = mk();
  const bV = mk();
  const kV = mk();
  const g = (a: NirArray, j: number) => a.data[j];
  if (n.type === 'I' || n.type === 'IF') {
    for (let j = 0; j < len; j++) {
      aV[j] = 1;
      bV[j] = g(n.r, j) * dt;
    }
    return { shape, aV, bV, kV };
  }
  if (n.type === 'LI' || n.type === 'LIF') {
    for (let j = 0; j < len; j++) {
      const tau = g(n.tau, j);
      const r = g(n.r, j);
      const vl = g(n.v_leak, j);
      if (integration === 'euler') {
        aV[j] = 1 - dt / tau;
        bV[j] = (r * dt) / tau;
        kV[j] = (vl * dt) / tau;
      } else {
        const a = Math.exp(-dt / tau);
        aV[j] = a;
        bV[j] = r * (1 - a);
        kV[j] = vl * (1 - a);
      }
    }
    return { shape, aV, bV, kV };
  }
  const cV = mk();
  const aI = mk();
  const bI = mk();
  for (let j = 0; j < len; j++) {
    const ts = g(n.tau_syn, j);
    const tm = g(n.tau_mem, j);
    const r = g(n.r, j);
    const vl = g(n.v_leak, j);
    const w = g(n.w_in, j);
    if (integration === 'euler') {
      aI[j] = 1 - dt / ts;
      bI[j] = w;
      aV[j] = 1 - dt / tm;
      cV[j] = (r * dt) / tm;
      bV[j] = 0;
      kV[j] = (vl * dt) / tm;
    } else {
      const as = Math.exp(-dt / ts);
      const am = Math.exp(-dt / tm);
      aI[j] = as;
      bI[j] = w * (1 - as);
      aV[j] = am;
      const c = Math.abs(ts - tm) < 1e-12 * Math.max(ts, tm) ? r * (dt / tm) * am : ((r * ts) / (ts - tm)) * (as - am);
      cV[j] = c;
      bV[j] = w * (r * (1 - am) - c);
      kV[j] = vl * (1 - am);
    }
  }
  return { shape, aV, bV, kV, cV, aI, bI };
}
