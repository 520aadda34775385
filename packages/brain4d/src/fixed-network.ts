import { Brain4dError } from './brain4d-error.js';
import { PROP_FRAC, STATE_FRAC, toFixed } from './fixed-point.js';
import type { ProjectionCSR } from './build-projection.js';
import type { NetworkSpec } from './network-spec.js';
import type { KernelArgs } from './neuron-kernels.js';

/** What {@link fixedNetwork} reads from a built network (a {@link Simulator}'s populations, projections and kernel arguments). */
export interface FixedNetworkSource {
  /** The validated description (its projections' plasticity and its inputs are checked). */
  spec: NetworkSpec;
  /** Neuron count. */
  N: number;
  /** Time step, ms. */
  dt: number;
  /** Populations in order (global indices offset … offset + n − 1) with their initial state (v, g_ex, g_in in mV). */
  populations: ReadonlyArray<{ name: string; model: string; n: number; offset: number; state: Record<string, Float64Array> }>;
  /** Projections as built: CSR by source, `base` = channel·N + target offset, weights in mV, delays in steps. */
  projections: ReadonlyArray<
    ProjectionCSR & {
      source: { offset: number; n: number };
      base: number;
      stdp: unknown;
    }
  >;
  /** Kernel arguments of each population (its bias and scalar parameters). */
  kargs: ReadonlyArray<KernelArgs>;
}

/**
 * A network of current-based LIF neurons in fixed point: the state and tables that the `fixed`
 * (JavaScript) and `webgpu` (WGSL) engines step with the same integer arithmetic.
 *
 * Model (the `lif` model of model-catalog.ts, exact integration over a step dt):
 *   g_s(t+dt) = g_s·e^{−dt/τ_s}                                   (s = ex, in)
 *   v(t+dt)   = b + (v − b)·P + g_ex·P_ex + g_in·P_in,  b = E_L + I_e + I_ext
 *   P = e^{−dt/τ_m},  P_s = τ_s/(τ_s − τ_m)·(e^{−dt/τ_s} − e^{−dt/τ_m})  (= (dt/τ_m)·P when τ_s = τ_m)
 * In fixed point (Q15.16 state, Q1.30 propagators, ⊗ = mulShiftRound(·,·,30): exact product,
 * rounded half up, see fixed-point.ts; + wraps to int32):
 *   g_s ← g_s ⊗ D_s;  v ← b + (v − b) ⊗ P + g_ex ⊗ P_ex + g_in ⊗ P_in  (the g of the step start)
 *   v > v_th → spike, v ← v_reset, r ← n_ref − 1;  while r > 0: r ← r − 1 and v is held
 * (n_ref = round(t_ref/dt): the neuron integrates again n_ref steps after its spike, as the
 * float64 engine does). A spike of neuron j at step t adds the Q15.16 weight w_q = round(w·2^16)
 * of each synapse j → i to g(i) (delay 1: before the update of step t+1) or to slot (t+d) mod D of
 * a ring of D·2N int32 (delay d ≥ 2; added to g at the start of step t+d). Integer addition is
 * associative, so the order of the additions — and of GPU threads — cannot change any value.
 */
export interface FixedNetwork {
  /** Neuron count. */
  N: number;
  /** Ring depth (a power of two > the largest delay). */
  D: number;
  /** Membrane potentials, Q15.16 mV. */
  v: Int32Array;
  /** Synaptic variables: g_ex of neuron i at [i], g_in at [N + i], Q15.16 mV. */
  G: Int32Array;
  /** Refractory steps left (> 0: held). */
  refc: Int32Array;
  /** Constant drive b = E_L + I_e + I_ext per neuron, Q15.16 mV. */
  bias: Int32Array;
  /** Population index of each neuron. */
  popOf: Int32Array;
  /** Per population, 8 int32: P, P_ex, P_in, D_ex, D_in (Q1.30), v_th, v_reset (Q15.16), n_ref − 1 (≥ 0). */
  consts: Int32Array;
  /** Outgoing synapses of global neuron j: entries rowPtr[j] … rowPtr[j+1]−1 of `syn`. */
  rowPtr: Uint32Array;
  /** Three int32 per synapse: channel index (0 … 2N−1: target, + N for g_in), weight (Q15.16), delay (steps ≥ 1). */
  syn: Int32Array;
  /** Delayed increments: slot s at [s·2N, (s+1)·2N). */
  ring: Int32Array;
}

/** Names the first feature the fixed-point engines lack (current-based LIF, static synapses, constant drives, spike and Poisson inputs only). */
function unsupported(src: FixedNetworkSource, engine: string): void {
  const fail = (path: string, what: string) => {
    throw new Brain4dError(
      path,
      `the ${engine} engine runs current-based LIF networks with static synapses, constant drives, spike and Poisson inputs; ${what}`,
      {
        code: 'ERR_UNSUPPORTED',
      },
    );
  };
  for (const p of src.populations) if (p.model !== 'lif') fail(`populations.${p.name}.model`, `model '${p.model}' is not supported`);
  src.spec.projections!.forEach((p, i) => {
    if (p.plasticity) fail(`projections[${i}].plasticity`, 'STDP is not supported');
  });
  src.spec.inputs!.forEach((inp, i) => {
    if (inp.type === 'noise') fail(`inputs[${i}].type`, `input type 'noise' is not supported`);
    if ((inp.type === 'spikes' || inp.type === 'poisson') && !(Math.abs(inp.weight) < 2 ** 15))
      fail(`inputs[${i}].weight`, `${inp.weight} mV is outside Q15.16`);
  });
}

/**
 * The fixed-point form of a built network (quantised state, propagators and weights; see
 * {@link FixedNetwork} for the equations).
 * @throws Brain4dError `ERR_UNSUPPORTED` naming the key path of a model, plasticity or input the
 * fixed-point engines do not have; `ERR_OUT_OF_RANGE` for a value outside Q15.16.
 */
export function fixedNetwork(src: FixedNetworkSource, engine = 'fixed'): FixedNetwork {
  unsupported(src, engine);
  const { N, dt } = src;
  const q = (path: string, x: number, frac = STATE_FRAC) => {
    try {
      return toFixed(x, frac);
    } catch (e) {
      throw new Brain4dError(path, `${(e as Error).message}: outside the range of the ${engine} engine`, {
        code: 'ERR_OUT_OF_RANGE',
        cause: e,
      });
    }
  };
  const v = new Int32Array(N);
  const G = new Int32Array(2 * N);
  const popOf = new Int32Array(N);
  const consts = new Int32Array(8 * src.populations.length);
  src.populations.forEach((pop, pi) => {
    const p = src.kargs[pi].p;
    const path = `populations.${pop.name}.params`;
    const P = Math.exp(-dt / p.tau_m);
    const ps = (tau: number) => (tau === p.tau_m ? (dt / tau) * P : (tau / (tau - p.tau_m)) * (Math.exp(-dt / tau) - P));
    const nref = Math.round(p.t_ref / dt);
    consts.set(
      [
        q(`${path}.tau_m`, P, PROP_FRAC),
        q(`${path}.tau_syn_ex`, ps(p.tau_syn_ex), PROP_FRAC),
        q(`${path}.tau_syn_in`, ps(p.tau_syn_in), PROP_FRAC),
        q(`${path}.tau_syn_ex`, Math.exp(-dt / p.tau_syn_ex), PROP_FRAC),
        q(`${path}.tau_syn_in`, Math.exp(-dt / p.tau_syn_in), PROP_FRAC),
        q(`${path}.v_th`, p.v_th),
        q(`${path}.v_reset`, p.v_reset),
        Math.max(0, nref - 1),
      ],
      8 * pi,
    );
    for (let i = 0; i < pop.n; i++) {
      const gi = pop.offset + i;
      popOf[gi] = pi;
      v[gi] = q(`populations.${pop.name}.init.v`, pop.state.v[i]);
      G[gi] = q(`populations.${pop.name}.init.g_ex`, pop.state.g_ex[i]);
      G[N + gi] = q(`populations.${pop.name}.init.g_in`, pop.state.g_in[i]);
    }
  });
  // One CSR over global source neurons: the rows of every projection leaving the neuron, in projection order.
  const rowPtr = new Uint32Array(N + 1);
  let maxDelay = 1;
  for (const pr of src.projections) {
    maxDelay = Math.max(maxDelay, pr.maxDelay);
    for (let s = 0; s < pr.source.n; s++) rowPtr[pr.source.offset + s + 1] += pr.rowPtr[s + 1] - pr.rowPtr[s];
  }
  for (let j = 0; j < N; j++) rowPtr[j + 1] += rowPtr[j];
  const syn = new Int32Array(3 * rowPtr[N]);
  const fill = rowPtr.slice(0, N);
  src.projections.forEach((pr, pi) => {
    for (let s = 0; s < pr.source.n; s++) {
      let e = fill[pr.source.offset + s];
      for (let k = pr.rowPtr[s]; k < pr.rowPtr[s + 1]; k++, e++) {
        syn[3 * e] = pr.base + pr.tgt[k];
        syn[3 * e + 1] = q(`projections[${pi}].weight`, pr.w[k]);
        syn[3 * e + 2] = pr.d === null ? pr.delay : pr.d[k];
      }
      fill[pr.source.offset + s] = e;
    }
  });
  let D = 2;
  while (D <= maxDelay) D *= 2;
  const net: FixedNetwork = {
    N,
    D,
    v,
    G,
    refc: new Int32Array(N),
    bias: new Int32Array(N),
    popOf,
    consts,
    rowPtr,
    syn,
    ring: new Int32Array(D * 2 * N),
  };
  setFixedBias(net, src);
  return net;
}

/** Quantises the current drive of every neuron (E_L + I_e + active current and sense inputs) into `net.bias`. */
export function setFixedBias(net: FixedNetwork, src: Pick<FixedNetworkSource, 'populations' | 'kargs'>): void {
  src.populations.forEach((pop, pi) => {
    const b = src.kargs[pi].bias;
    for (let i = 0; i < pop.n; i++) {
      const x = Math.round(b[i] * 2 ** STATE_FRAC);
      if (!(x >= -(2 ** 31) && x < 2 ** 31))
        throw new Brain4dError(`populations.${pop.name}`, `drive ${b[i]} mV is outside Q15.16`, { code: 'ERR_OUT_OF_RANGE' });
      net.bias[pop.offset + i] = x;
    }
  });
}
