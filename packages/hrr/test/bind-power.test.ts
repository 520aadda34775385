import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import { bind, bindPower, exactInverse, randomVectors } from '../src/index.js';
import { directConvolution, f32Tol, l1, maxAbs, maxAbsDiff, U32 } from './helpers.js';

const delta = (D: number) => {
  const e = new Float32Array(D);
  e[0] = 1;
  return e;
};

describe('bindPower', () => {
  it('integer powers are repeated binding; p = 0 is δ; p = −1 is the inverse', () => {
    const a = randomVectors('hrr', 64, 'pw');
    const a3 = Float64Array.from(directConvolution(directConvolution(a, a), a));
    // float64 spectra (|A|^p e^{ipθ}), one float32 rounding (f32Tol)
    expect(maxAbsDiff(bindPower(a, 3), a3)).toBeLessThanOrEqual(f32Tol(1, maxAbs(a3)));
    expect(maxAbsDiff(bindPower(a, 0), delta(64))).toBeLessThanOrEqual(f32Tol(1, 1));
    // two float64 formulas for 1/A_k (|A|⁻¹e^{−iθ} and conj(A)/|A|²), each rounded once
    const inv = exactInverse(a);
    expect(maxAbsDiff(bindPower(a, -1), inv)).toBeLessThanOrEqual(f32Tol(2, maxAbs(inv)));
  });
  it('fractional powers compose for a unitary vector with positive real bins', () => {
    const D = 100,
      plan = realFftPlan(D);
    const spec = new Float64Array(2 * plan.bins);
    for (let k = 0; k < plan.bins; k++) {
      const th = k === 0 || 2 * k === D ? 0 : 0.37 * k;
      spec[2 * k] = Math.cos(th);
      spec[2 * k + 1] = Math.sin(th);
    }
    const u = Float32Array.from(plan.inverse(spec));
    // |U|^0.3·|U|^1.2 = |U|^1.5 and the angles add exactly for the float32 u too (its real bins stay
    // positive); the error comes from rounding the two factors to float32 before binding them,
    // |δx ⊛ y| ≤ u·max|x|·‖y‖₁, and from the final roundings
    const composeTol = (x: Float32Array, y: Float32Array, ref: Float32Array) =>
      U32 * (maxAbs(x) * l1(y) + maxAbs(y) * l1(x)) + f32Tol(2, maxAbs(ref));
    const [p03, p12, p15, p05] = [0.3, 1.2, 1.5, 0.5].map((p) => bindPower(u, p));
    expect(maxAbsDiff(bind(p03, p12), p15)).toBeLessThanOrEqual(composeTol(p03, p12, p15));
    expect(maxAbsDiff(bind(p05, p05), u)).toBeLessThanOrEqual(composeTol(p05, p05, u));
  });
});
