import { describe, expect, it } from 'vitest';
import { bind, bundle, cosine, makeUnitary, randomVectors, unbind } from '../src/index.js';
import { directConvolution, maxAbsDiff, meanVar, row } from './helpers.js';

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
      const a = randomVectors('hrr', D, 1), c = randomVectors('hrr', D, 2);
      const inv = new Float64Array(D).map((_, i) => a[(D - i) % D]);
      expect(maxAbsDiff(unbind(c, a), directConvolution(inv, c))).toBeLessThan(1e-6);
    }
  });

  it('one pair, random key: cosine → 1/√2', () => {
    const D = 1024, N = 200;
    const { mean, variance } = meanVar(unbindCosines(D, 1, false, N, 'u1'));
    expect(Math.abs(mean - Math.SQRT1_2)).toBeLessThan(5 * Math.sqrt(variance / N) + 2 / D);
  });

  it('one pair, unitary key: exactly b (cosine 1 to float precision)', () => {
    const D = 1000;
    const a = makeUnitary(randomVectors('hrr', D, 'ua')), b = randomVectors('hrr', D, 'ub');
    const back = unbind(bind(a, b), a);
    expect(maxAbsDiff(back, b)).toBeLessThan(1e-5);
    expect(cosine(back, b)).toBeGreaterThan(1 - 1e-6);
  });

  it.each([2, 4, 8])('k = %i superposed pairs: cosine ≈ 1/√(k+1) (random keys), 1/√k (unitary keys)', (k) => {
    const D = 1024, N = 120;
    const r = meanVar(unbindCosines(D, k, false, N, `r${k}`));
    expect(Math.abs(r.mean - 1 / Math.sqrt(k + 1))).toBeLessThan(5 * Math.sqrt(r.variance / N) + 2 / D);
    const u = meanVar(unbindCosines(D, k, true, N, `u${k}`));
    expect(Math.abs(u.mean - 1 / Math.sqrt(k))).toBeLessThan(5 * Math.sqrt(u.variance / N) + 2 / D);
  });
});
