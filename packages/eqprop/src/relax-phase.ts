import type { Activation, Cost, Dynamics, EnergyNetwork } from './energy-network.js';
import { EqPropError } from './eqprop-error.js';
import { roundArrayToF16 } from './round-f16.js';
import type { DenseArena } from './dense-arena.js';
import { gemm, gemmPacked, NARROW_N, packPanel } from './gemm.js';
import { pointwiseUpdate, productUpdate } from './pointwise-update.js';

/** Settings of one relaxation phase (free: beta = 0; nudged: beta ≠ 0). */
export interface PhaseSettings {
  /** Update rule of a step. */
  dynamics: Dynamics;
  /** Nonlinearity ρ. */
  activation: Activation;
  /** Cost of the nudge. */
  cost: Cost;
  /** Damping γ ∈ (0, 1] of 'laborieux' and 'async'. */
  gamma: number;
  /** Euler step ε of 'scellier'. */
  stepSize: number;
  /** Most steps of this phase (≥ 1). */
  maxSteps: number;
  /** Stop when the residual falls below ε (0: always run maxSteps). */
  epsilon: number;
  /** Relax ε ×2 after step 5. */
  adaptiveEpsilon: boolean;
  /** Round states to binary16 after each step. */
  f16: boolean;
  /** Record the residual of every step. */
  record?: boolean;
}

/** What a phase did. */
export interface PhaseResult {
  /** Steps run (≤ maxSteps). */
  steps: number;
  /** Residual of the last step: max over the batch of ‖s_{t+1} − s_t‖₂ (all state layers of one example). */
  residual: number;
  /** Residual of every step (when `record`). */
  residuals?: number[];
}

/**
 * Scratch buffers of a batch: u_l per state layer, the readout (cross-entropy),
 * the per-example squared residuals, and the transposed couplings W_lᵀ
 * ([n_{l+1}, n_l], l ≥ 1) the feedback products read. Reused by every phase of a step.
 */
export interface PhaseScratch {
  /** Examples in the batch B. */
  batch: number;
  /** u_l = ∂Φ/∂s_l − β∂C/∂s_l [B, n_l] per layer. */
  u: Float32Array[];
  /** Softmax readout ŷ [B, n_L] (cross-entropy). */
  readout: Float32Array;
  /** Squared residual of each example in the current step [B]. */
  res2: Float64Array;
  /** wt[l] = W_lᵀ for l ≥ 1 (wt[0] is empty), written by each phase from the current weights. */
  wt: Float32Array[];
  /**
   * packed[l] = W_l packed for gemmPacked when it feeds a thin state layer (n_{l+1} ≤ 12, n_l a
   * multiple of 4, l ≥ 1; else empty), written by each phase: the products s_l·W_l into the output layer.
   */
  packed: Float32Array[];
}

/** Whether the forward product into layer l + 1 runs as gemmPacked (see PhaseScratch.packed). */
const packs = (sizes: readonly number[], l: number) => l >= 1 && l + 1 < sizes.length && sizes[l + 1] <= NARROW_N && sizes[l] % 4 === 0;

/**
 * Scratch for a batch of `batch` examples of a network with these sizes. With an
 * arena (the kernel's own), the buffers live in its WebAssembly memory and the
 * phases run as SIMD loops; without one they are ordinary arrays (same results).
 */
export function createScratch(sizes: readonly number[], batch: number, arena?: DenseArena): PhaseScratch {
  const f32 = (n: number) => (arena ? arena.alloc(n) : new Float32Array(n));
  return {
    batch,
    u: sizes.slice(1).map((n) => f32(batch * n)),
    readout: f32(batch * sizes[sizes.length - 1]),
    res2: arena ? arena.alloc64(batch) : new Float64Array(batch),
    wt: sizes.slice(0, -1).map((m, l) => f32(l === 0 ? 0 : m * sizes[l + 1])),
    packed: sizes.slice(0, -1).map((m, l) => f32(packs(sizes, l) ? m * sizes[l + 1] : 0)),
  };
}

/** wt = Wᵀ for W [m, n] row-major. */
export function transposeInto(wt: Float32Array, w: Float32Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) wt[j * m + i] = w[r + j];
  }
}

/**
 * out[b, :] += Σ_i s[b, i] · W[i, :]  for s [B, m], W [m, n] (row-major), skipping
 * zero states (the hard sigmoid and MNIST pixels make many of them exactly 0).
 */
export function addForward(out: Float32Array, s: Float32Array, w: Float32Array, batch: number, m: number, n: number): void {
  const nz = new Int32Array(m);
  for (let b = 0; b < batch; b++) {
    const o = b * n;
    const sb = b * m;
    let k = 0;
    for (let i = 0; i < m; i++) if (s[sb + i] !== 0) nz[k++] = i;
    if (n < 32) {
      // Narrow layers (the 10 outputs): one strided dot product per output unit.
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let q = 0; q < k; q++) {
          const i = nz[q];
          acc += s[sb + i] * w[i * n + j];
        }
        out[o + j] += acc;
      }
    } else {
      for (let q = 0; q < k; q++) {
        const i = nz[q];
        const v = s[sb + i];
        const r = i * n;
        for (let j = 0; j < n; j++) out[o + j] += v * w[r + j];
      }
    }
  }
}

/**
 * out[b, i] += Σ_j W[i, j] · t[b, j]  for t [B, n], W [m, n]: the feedback W·t through
 * the same couplings. Zero entries of t are skipped (most outputs of a hard-sigmoid
 * network sit at 0): the dot products then run over the non-zero indices only.
 */
export function addFeedback(out: Float32Array, t: Float32Array, w: Float32Array, batch: number, m: number, n: number): void {
  const nz = new Int32Array(n);
  for (let b = 0; b < batch; b++) {
    const tb = b * n;
    const o = b * m;
    let k = 0;
    for (let j = 0; j < n; j++) if (t[tb + j] !== 0) nz[k++] = j;
    if (k === 0) continue;
    if (2 * k > n) {
      for (let i = 0; i < m; i++) {
        const r = i * n;
        let acc = 0;
        for (let j = 0; j < n; j++) acc += w[r + j] * t[tb + j];
        out[o + i] += acc;
      }
    } else {
      for (let i = 0; i < m; i++) {
        const r = i * n;
        let acc = 0;
        for (let q = 0; q < k; q++) {
          const j = nz[q];
          acc += w[r + j] * t[tb + j];
        }
        out[o + i] += acc;
      }
    }
  }
}

/** ŷ = softmax(s W + b) per row, written into `out` [B, n]. */
export function softmaxReadout(
  out: Float32Array,
  s: Float32Array,
  w: Float32Array,
  bias: Float32Array,
  batch: number,
  m: number,
  n: number,
): void {
  gemm(out, s, w, batch, m, n, m, 1, n, n, 1, bias, 0);
  for (let b = 0; b < batch; b++) {
    const o = b * n;
    let mx = -Infinity;
    for (let j = 0; j < n; j++) mx = Math.max(mx, out[o + j]);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(out[o + j] - mx);
      out[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < n; j++) out[o + j] /= sum;
  }
}

/**
 * u_l = ∂Φ/∂s_l − β ∂C/∂s_l for the state layer l (1-based) of a batch:
 *
 *   u_1 = x W_0 + b_0                          (`drive`, computed once per step)
 *   u_l = s_{l−1} W_{l−1} + b_{l−1}            (l > 1)
 *       + s_{l+1} W_lᵀ                          (when layer l+1 is a state)
 *       + β (y − s_L)                           (MSE, l = L: −β ∂(½‖s_L − y‖²)/∂s_L)
 *       + β (y − ŷ) W_{L−1}ᵀ                    (cross-entropy, l = L − 1, ŷ the softmax readout)
 */
function computeDrive(
  l: number,
  net: EnergyNetwork,
  states: Float32Array[],
  drive: Float32Array,
  target: Float32Array | null,
  beta: number,
  cost: Cost,
  scratch: PhaseScratch,
  forwardOnly = false,
): Float32Array {
  const { sizes, weights, biases } = net;
  const B = scratch.batch;
  const S = states.length;
  const n = sizes[l];
  const u = scratch.u[l - 1];
  // u starts from the drive (l = 1) or the bias broadcast over the batch (C0 of gemm, no copy)
  const k = sizes[l + 1];
  if (l === 1) {
    if (forwardOnly) return u;
    if (l < S) gemm(u, states[l], scratch.wt[l], B, k, n, k, 1, n, n, 1, drive, n);
    else u.set(drive);
  } else {
    const m = sizes[l - 1];
    if (scratch.packed[l - 1].length > 0) gemmPacked(u, states[l - 2], scratch.packed[l - 1], B, m, n, m, n, biases[l - 1], 0);
    else gemm(u, states[l - 2], weights[l - 1], B, m, n, m, 1, n, n, 1, biases[l - 1], 0);
    if (forwardOnly) return u;
    if (l < S) gemm(u, states[l], scratch.wt[l], B, k, n, k, 1, n, n);
  }
  if (beta !== 0 && l === S && target !== null) {
    const s = states[S - 1];
    if (cost === 'mse') {
      for (let k = 0; k < u.length; k++) u[k] += beta * (target[k] - s[k]);
    } else {
      const L = sizes.length - 1;
      const nOut = sizes[L];
      const yhat = scratch.readout;
      softmaxReadout(yhat, s, weights[L - 1], biases[L - 1], B, n, nOut);
      for (let k = 0; k < yhat.length; k++) yhat[k] = beta * (target[k] - yhat[k]);
      gemm(u, yhat, scratch.wt[L - 1], B, nOut, n, nOut, 1, n, n);
    }
  }
  return u;
}

/**
 * Relax the states of a batch in place towards the fixed point of the free
 * (β = 0) or nudged (β ≠ 0) energy E + βC, in one call: no per-step tensor ops,
 * nothing kept between steps but the states. Each step, per state layer l:
 *
 * - 'laborieux' (Laborieux et al. 2021, synchronous fixed-point iteration with damping γ):
 *     s_l ← (1 − γ) s_l + γ ρ(u_l(s_t))            for every layer at once
 * - 'async' (Scellier et al. 2023, asynchronous even/odd updates):
 *     s_l ← (1 − γ) s_l + γ ρ(u_l(s))  for odd l, then for even l with the new odd layers
 *   (layers of one parity do not interact, so with γ = 1 each half-step is an exact
 *   block-coordinate minimisation of the energy)
 * - 'scellier' (Scellier & Bengio 2017, projected Euler on ds/dt = −∂E/∂s, ε = `stepSize`):
 *     s_l ← clip(s_l + ε (ρ'(s_l) u_l − s_l), 0, 1),  ρ' = 1 on the box (hard sigmoid only)
 *
 * With the hard sigmoid, the widest layer of each update group that has a next
 * state layer and no nudge term of its own gets its update fused into its last
 * product (u = C0 + s_{l+1} W_lᵀ, see productUpdate): u is never stored, the bits are the same.
 *
 * The residual of a step is max over the batch of ‖s_{t+1} − s_t‖₂. The phase
 * stops once it falls below ε (2ε after step 5 with `adaptiveEpsilon`) or after
 * `maxSteps`; with ε = 0 (and no `record`) nothing can stop it early, so the residual
 * is computed at the last step only (a NaN state stays NaN, so it is still caught there). A residual that becomes non-finite, or that stays above 10× the
 * threshold without decreasing over the second half of the phase (the iteration
 * does not contract: it oscillates or grows), throws
 * EqPropError (code ERR_STATE, argument 'relaxation') before any weight changes.
 */
export function relaxPhase(
  net: EnergyNetwork,
  states: Float32Array[],
  drive: Float32Array,
  target: Float32Array | null,
  beta: number,
  p: PhaseSettings,
  scratch: PhaseScratch,
): PhaseResult {
  const S = states.length;
  const B = scratch.batch;
  const res2 = scratch.res2;
  const groups: number[][] = [];
  const all = Array.from({ length: S }, (_, i) => i + 1);
  if (p.dynamics === 'async') {
    groups.push(
      all.filter((l) => l % 2 === 1),
      all.filter((l) => l % 2 === 0),
    );
  } else groups.push(all);
  // the feedback products read W_lᵀ (l ≥ 1; with cross-entropy also the readout's)
  for (let l = 1; l < net.weights.length; l++) {
    if (l < S || (p.cost === 'cross-entropy' && beta !== 0 && l === net.weights.length - 1))
      transposeInto(scratch.wt[l], net.weights[l], net.sizes[l], net.sizes[l + 1]);
  }
  for (let l = 1; l < net.weights.length; l++) {
    if (scratch.packed[l].length > 0 && l + 1 <= S)
      packPanel(scratch.packed[l], net.weights[l], net.sizes[l], net.sizes[l + 1], net.sizes[l + 1]);
  }
  const residuals: number[] = [];
  let residual = Infinity;
  let steps = 0;
  // the hard-sigmoid update rules of pointwiseUpdate (null: the logistic damped rule of res2Add)
  const rule = p.dynamics === 'scellier' ? 'euler' : p.activation === 'hard-sigmoid' ? 'damped' : null;
  const param = p.dynamics === 'scellier' ? p.stepSize : p.gamma;
  // per group, the layer whose state update is fused into its last product (the feedback s_{l+1}·W_lᵀ):
  // the widest layer with a hard-sigmoid rule, a next state layer and no nudge term of its own
  const fusedOf = groups.map((group) => {
    let best = 0;
    for (const l of group) {
      const n = net.sizes[l];
      const nudgedHere = beta !== 0 && l === S;
      if (rule !== null && l < S && !nudgedHere && n > NARROW_N && (best === 0 || n > net.sizes[best])) best = l;
    }
    return best;
  });
  for (let t = 1; t <= p.maxSteps; t++) {
    // with ε = 0 nothing stops early: the residual is needed (and computed) at the last step only
    const withRes = p.record === true || p.epsilon > 0 || t === p.maxSteps;
    if (withRes) res2.fill(0);
    const res = withRes ? res2 : null;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const f = fusedOf[g];
      for (let i = 0; i < group.length; i++) computeDrive(group[i], net, states, drive, target, beta, p.cost, scratch, group[i] === f);
      if (f !== 0) {
        const n = net.sizes[f];
        const k = net.sizes[f + 1];
        const c0 = f === 1 ? drive : scratch.u[f - 1];
        productUpdate(rule!, states[f - 1], states[f], scratch.wt[f], B, k, n, k, 1, n, 1, c0, n, param, res);
      }
      for (let i = 0; i < group.length; i++) {
        const l = group[i];
        if (l !== f) res2Add(res, states[l - 1], scratch.u[l - 1], net.sizes[l], B, rule, param);
      }
    }
    if (p.f16) for (const s of states) roundArrayToF16(s);
    steps = t;
    if (!withRes) continue;
    let mx = 0;
    for (let b = 0; b < B; b++) mx = Math.max(mx, res2[b]);
    residual = Math.sqrt(mx);
    if (p.record) residuals.push(residual);
    else if (t === Math.ceil(p.maxSteps / 2)) residuals[0] = residual;
    if (!Number.isFinite(residual)) {
      throw new EqPropError('relaxation', `relaxation: the residual became ${residual} at step ${t} (inputs or weights too large)`, {
        code: 'ERR_STATE',
      });
    }
    const th = p.adaptiveEpsilon && t > 5 ? 2 * p.epsilon : p.epsilon;
    if (residual < th) break;
  }
  if (steps === p.maxSteps && p.maxSteps >= 4 && p.epsilon > 0) {
    const half = p.record ? residuals[Math.ceil(p.maxSteps / 2) - 1] : residuals[0];
    if (residual >= half && residual >= 10 * (p.adaptiveEpsilon ? 2 : 1) * p.epsilon) {
      throw new EqPropError(
        'relaxation',
        `relaxation: diverging: the residual did not decrease over the second half of ${steps} steps (${half.toExponential(3)} → ${residual.toExponential(3)}); lower gamma or the weights' spectral norm`,
        { code: 'ERR_STATE' },
      );
    }
  }
  return p.record ? { steps, residual, residuals } : { steps, residual };
}

/**
 * Apply one layer's update s ← f(s, u) in place (the equations of {@link relaxPhase})
 * and add each example's squared change to res2 (when given): the hard-sigmoid rules in float32
 * by {@link pointwiseUpdate} (`rule`, with ε or γ as `param`), the logistic one (`rule` null, γ = `param`) here.
 */
function res2Add(
  res2: Float64Array | null,
  s: Float32Array,
  u: Float32Array,
  n: number,
  B: number,
  rule: 'euler' | 'damped' | null,
  param: number,
): void {
  if (rule !== null) return pointwiseUpdate(rule, s, u, B, n, param, res2);
  const g = param;
  const keep = 1 - g;
  for (let b = 0; b < B; b++) {
    let acc = 0;
    const end = (b + 1) * n;
    for (let j = b * n; j < end; j++) {
      const old = s[j];
      s[j] = keep * old + g / (1 + Math.exp(-u[j]));
      const d = s[j] - old;
      acc += d * d;
    }
    if (res2 !== null) res2[b] += acc;
  }
}
