import { describe, expect, it } from 'vitest';
import { bind, bundle, cosine, makeUnitary, randomVectors, unbind, unbindCosineMoments } from '../src/index.js';
import { directConvolution, f32Tol, l1, maxAbs, maxAbsDiff, meanVar, row, secondOrderBias, U32 } from './helpers.js';

/** Mean cosine of unbind(Σ_j key_j ⊛ b_j, key_0) with b_0 over N trials. */
function unbindCosines(D: number, k: number, unitary: boolean, N: number, seed: string): number[] {
  const out: number[] = [];
  for (let t = 0; t < N; t++) {
    let keys = randomVectors('hrr', D, `${seed}k${t}`, k);
    if (unitary) keys = makeUnitary(keys, { dim: D });
    const fillers = randomVectors('hrr', D, `${seed}f${t}`, k);
    const trace = bundle(bind(keys, fillers, { dim: D }), D);
    out.push(cosine(unbind(trace, row(keys, 0, D)), row(fillers, 0, D)));
  }
  return out;
}

describe('unbind', () => {
  it('is the circular correlation (conjugate spectrum)', () => {
    for (const D of [5, 64]) {
      const a = randomVectors('hrr', D, 1),
        c = randomVectors('hrr', D, 2);
      const inv = new Float64Array(D).map((_, i) => a[(D - i) % D]);
      const ref = directConvolution(inv, c);
      expect(maxAbsDiff(unbind(c, a), ref)).toBeLessThanOrEqual(f32Tol(1, maxAbs(ref)));
    }
  });

  it('one pair, random key: cosine → 1/√2', () => {
    const D = 1024,
      N = 200;
    const { mean, variance } = meanVar(unbindCosines(D, 1, false, N, 'u1'));
    // the first-order mean is 1/√2 (to 1 ulp of float64)
    expect(Math.abs(unbindCosineMoments(D, 1).mean - Math.SQRT1_2)).toBeLessThanOrEqual(2 ** -53);
    expect(Math.abs(mean - Math.SQRT1_2)).toBeLessThan(5 * Math.sqrt(variance / N) + Math.abs(secondOrderBias(D, 1, 'random')));
  });

  it('one pair, unitary key: exactly b (cosine 1 to float precision)', () => {
    const D = 1000;
    const a = makeUnitary(randomVectors('hrr', D, 'ua')),
      b = randomVectors('hrr', D, 'ub');
    const c = bind(a, b),
      back = unbind(c, a);
    // a is unitary only up to its float32 rounding: |Ã_k| = 1 + ε_k with |ε_k| ≤ u·‖a‖₁, so
    // back − b = IDFT(B_k(|Ã_k|² − 1)) is at most ‖b‖₁·(2u‖a‖₁ + (u‖a‖₁)²) per element; the
    // float32 rounding of c adds u·max|c|·‖a‖₁ after unbinding, and back's own rounding u·max|b|
    const ua = U32 * l1(a);
    const tol = l1(b) * (2 * ua + ua * ua) + U32 * maxAbs(c) * l1(a) + f32Tol(1, maxAbs(b));
    expect(maxAbsDiff(back, b)).toBeLessThanOrEqual(tol);
    // relative error e = ‖back − b‖/‖b‖ gives cosine ≥ 1 − e²/2 − …; e ≤ tol·√D/‖b‖ here
    const e = (tol * Math.sqrt(D)) / Math.sqrt(b.reduce((s, x) => s + x * x, 0));
    expect(cosine(back, b)).toBeGreaterThanOrEqual(1 - e * e);
  });

  it.each([2, 4, 8])('k = %i superposed pairs: cosine ≈ 1/√(k+1) (random keys), 1/√k (unitary keys)', (k) => {
    const D = 1024,
      N = 120;
    const r = meanVar(unbindCosines(D, k, false, N, `r${k}`));
    // 5 standard errors of the sample mean, plus the second-order term b₂ that the first-order
    // means 1/√(k+1) and 1/√k leave out (helpers.ts)
    expect(Math.abs(r.mean - 1 / Math.sqrt(k + 1))).toBeLessThan(5 * Math.sqrt(r.variance / N) + Math.abs(secondOrderBias(D, k, 'random')));
    const u = meanVar(unbindCosines(D, k, true, N, `u${k}`));
    expect(Math.abs(u.mean - 1 / Math.sqrt(k))).toBeLessThan(5 * Math.sqrt(u.variance / N) + Math.abs(secondOrderBias(D, k, 'unitary')));
  });
});
