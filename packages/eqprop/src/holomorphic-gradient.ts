import type { EnergyNetwork } from './energy-network.js';
import { EqPropError } from './eqprop-error.js';
import { addFeedback, addForward } from './relax-phase.js';
import { addColumnSums, addOuter } from './hebbian-accumulate.js';

/** The settings holomorphic EP reads (a subset of the kernel's). */
export interface HolomorphicSettings {
  beta: number;
  holomorphicPoints: number;
  nudgedSteps: number;
  gamma: number;
  dynamics: string;
  epsilon: number;
}

/**
 * Holomorphic EP (Laborieux & Zenke 2022, MSE cost, logistic σ): relax the
 * nudged dynamics at N complex nudges β_k = |β| e^{2πik/N} (σ(z) = 1/(1 + e^−z)
 * on complex states, started from the real free fixed point), then take the
 * first Fourier coefficient of ∂Φ/∂θ along the circle:
 *
 *   −dL/dθ = d/dβ ∂Φ/∂θ(s^β)|_{β=0} ≈ Re[(1/(N|β|)) Σ_k ∂Φ/∂θ(s^{β_k}) e^{−2πik/N}]
 *
 * (Cauchy's formula by the trapezoid rule; the error is O(|β|^N) instead of
 * the O(β) of the one-sided difference). ∂Φ/∂W_l = s_lᵀ s_{l+1} and ∂Φ/∂b_l = s_{l+1}
 * are complex bilinear (no conjugation). Adds the estimate (summed over the
 * batch) to gradW/gradB; returns the steps taken by all N phases.
 */
export function holomorphicGradient(
  net: EnergyNetwork,
  x: Float32Array,
  free: Float32Array[],
  drive: Float32Array,
  target: Float32Array,
  s: HolomorphicSettings,
  B: number,
  gradW: Float32Array[],
  gradB: Float32Array[],
): number {
  const { sizes } = net;
  const S = free.length;
  const N = s.holomorphicPoints;
  const r = Math.abs(s.beta);
  let total = 0;
  const zeros = new Float32Array(B * sizes[0]);
  for (let k = 0; k < N; k++) {
    const ang = (2 * Math.PI * k) / N;
    const br = r * Math.cos(ang);
    const bi = r * Math.sin(ang);
    const re = free.map((f) => f.slice());
    const im = free.map((f) => new Float32Array(f.length));
    total += relaxComplex(net, re, im, drive, target, br, bi, s, B);
    // c_k = e^{−iφ_k} / (N r);  Re[c Φ] = c_r Re Φ − c_i Im Φ
    const cr = Math.cos(ang) / (N * r);
    const ci = -Math.sin(ang) / (N * r);
    for (let l = 0; l < S; l++) {
      const m = sizes[l];
      const n = sizes[l + 1];
      const ar = l === 0 ? x : re[l - 1];
      const ai = l === 0 ? zeros : im[l - 1];
      addOuter(gradW[l], ar, re[l], cr, B, m, n);
      addOuter(gradW[l], ai, im[l], -cr, B, m, n);
      addOuter(gradW[l], ar, im[l], -ci, B, m, n);
      addOuter(gradW[l], ai, re[l], -ci, B, m, n);
      addColumnSums(gradB[l], re[l], cr, B, n);
      addColumnSums(gradB[l], im[l], -ci, B, n);
    }
  }
  return total;
}

/** Damped complex fixed-point iteration s ← (1 − γ)s + γσ(u(s)) with the complex nudge β(y − s_L). */
function relaxComplex(
  net: EnergyNetwork,
  re: Float32Array[],
  im: Float32Array[],
  drive: Float32Array,
  target: Float32Array,
  br: number,
  bi: number,
  s: HolomorphicSettings,
  B: number,
): number {
  const { sizes, weights, biases } = net;
  const S = re.length;
  const ur = sizes.slice(1, S + 1).map((n) => new Float32Array(B * n));
  const ui = sizes.slice(1, S + 1).map((n) => new Float32Array(B * n));
  const all = Array.from({ length: S }, (_, i) => i + 1);
  const groups = s.dynamics === 'async' ? [all.filter((l) => l % 2 === 1), all.filter((l) => l % 2 === 0)] : [all];
  const g = s.gamma;
  for (let t = 1; t <= s.nudgedSteps; t++) {
    let res = 0;
    for (const group of groups) {
      for (const l of group) {
        const n = sizes[l];
        const a = ur[l - 1];
        const c = ui[l - 1];
        c.fill(0);
        if (l === 1) a.set(drive);
        else {
          for (let b = 0; b < B; b++) a.set(biases[l - 1], b * n);
          addForward(a, re[l - 2], weights[l - 1], B, sizes[l - 1], n);
          addForward(c, im[l - 2], weights[l - 1], B, sizes[l - 1], n);
        }
        if (l < S) {
          addFeedback(a, re[l], weights[l], B, n, sizes[l + 1]);
          addFeedback(c, im[l], weights[l], B, n, sizes[l + 1]);
        }
        if (l === S) {
          const sr = re[S - 1];
          const si = im[S - 1];
          for (let k = 0; k < a.length; k++) {
            const dr = target[k] - sr[k];
            const di = -si[k];
            a[k] += br * dr - bi * di;
            c[k] += br * di + bi * dr;
          }
        }
      }
      for (const l of group) {
        const a = ur[l - 1];
        const c = ui[l - 1];
        const sr = re[l - 1];
        const si = im[l - 1];
        for (let k = 0; k < a.length; k++) {
          // σ(z) = 1 / (1 + e^{−z}),  e^{−z} = e^{−a}(cos c − i sin c)
          const e = Math.exp(-a[k]);
          const p = 1 + e * Math.cos(c[k]);
          const q = e * Math.sin(c[k]); // denominator p − iq
          const d = p * p + q * q;
          const vr = (1 - g) * sr[k] + (g * p) / d;
          const vi = (1 - g) * si[k] + (g * q) / d;
          const dr = vr - sr[k];
          const di = vi - si[k];
          res = Math.max(res, dr * dr + di * di);
          sr[k] = vr;
          si[k] = vi;
        }
      }
    }
    if (!Number.isFinite(res)) {
      throw new EqPropError('relaxation', `holomorphic EP: the complex relaxation became non-finite at step ${t}; lower |beta|`, {
        code: 'ERR_STATE',
      });
    }
    if (Math.sqrt(res) < 1e-7) return t; // below float32 resolution of states in [0, 1]
  }
  return s.nudgedSteps;
}
