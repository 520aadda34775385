import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import { approxInverse, bind, dot, makeUnitary, randomVectors } from '../src/index.js';
import { f32Tol, l1, maxAbsDiff, U32 } from './helpers.js';

const delta = (D: number) => {
  const e = new Float32Array(D);
  e[0] = 1;
  return e;
};

/** Float64 error of the FFT and sums here (see F64_REL in helpers.ts). */
const F64 = f32Tol(0, 1);

describe('makeUnitary', () => {
  it('has |U_k| = 1, unit norm, and u^† = u⁻¹', () => {
    for (const D of [7, 128]) {
      const u = makeUnitary(randomVectors('hrr', D, `mu${D}`));
      const spec = realFftPlan(D).forward(u);
      // u is unitary before its float32 rounding δ (|δ_t| ≤ u·|u_t|), which moves each bin by at
      // most |Δ_k| ≤ Σ|δ_t| ≤ u·‖u‖₁
      const eps = U32 * l1(u) + F64;
      for (let k = 0; k < spec.length; k += 2) expect(Math.abs(Math.hypot(spec[k], spec[k + 1]) - 1)).toBeLessThanOrEqual(eps);
      // ‖u‖² = (1/D)Σ mult_k |U_k|² = 1 before rounding; each u_t² moves by ≤ (2u + u²)·u_t²
      expect(Math.abs(dot(u, u) - 1)).toBeLessThanOrEqual(2 * U32 + U32 * U32 + F64);
      // u ⊛ u^† = IDFT(|U_k|²): off δ by at most max_k ||U_k|² − 1| ≤ 2ε + ε², plus one rounding
      expect(maxAbsDiff(bind(u, approxInverse(u)), delta(D))).toBeLessThanOrEqual(2 * eps + eps * eps + f32Tol(1, 1));
    }
  });
});
