import { describe, expect, it } from 'vitest';
import { bind, exactInverse, HrrError, randomVectors } from '../src/index.js';
import { f32Tol, l1, maxAbs, maxAbsDiff, U32 } from './helpers.js';

const delta = (D: number) => {
  const e = new Float32Array(D);
  e[0] = 1;
  return e;
};

describe('exactInverse', () => {
  it('a ⊛ a⁻¹ = δ for a random vector', () => {
    const a = randomVectors('hrr', 300, 'inv'),
      inv = exactInverse(a);
    // exact in float64; inv is rounded to float32 (|δ| ≤ u·|inv|), which bind spreads as
    // |a ⊛ δ| ≤ u·max|inv|·‖a‖₁ (inv can be large where |A_k| is small), plus the final rounding
    expect(maxAbsDiff(bind(a, inv), delta(300))).toBeLessThanOrEqual(U32 * maxAbs(inv) * l1(a) + f32Tol(1, 1));
  });
  it('refuses a near-zero spectrum, regularises with eps', () => {
    const D = 8,
      a = new Float32Array(D).fill(1 / D); // spectrum zero except DC
    expect(() => exactInverse(a)).toThrow(HrrError);
    expect(() => exactInverse(a)).toThrow(/near-zero spectrum at bin 1/);
    const r = exactInverse(a, { eps: 1e-3 });
    expect(r.every(Number.isFinite)).toBe(true);
    // Tikhonov: DC inverse = conj(A0)/(|A0|² + eps·ms), A0 = 1, ms = mean |A|² = 1/D
    const expectedDc = 1 / (1 + 1e-3 / D);
    // Σ r_t = R_0: the float32 rounding of each r_t errs by u·|r_t|
    expect(Math.abs(r.reduce((s, x) => s + x, 0) - expectedDc)).toBeLessThanOrEqual(f32Tol(1, l1(r)));
  });
});
