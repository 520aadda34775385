import { describe, expect, it } from 'vitest';
import { createVsa } from '../src/index.js';

describe('GHRR (generalised HRR, arXiv:2405.09689)', () => {
  it('random elements are unitary; m = 1 binds like FHRR; m > 1 does not commute', () => {
    const m = 3,
      n = 50,
      dim = 2 * m * m * n,
      vsa = createVsa({ model: 'ghrr', dim, blockSize: m });
    const a = vsa.random(1);
    // a_j a_j^† = I up to float32 rounding of m-term sums (≤ m·2u ≈ 4e-7, bound 1e-5)
    const aa = vsa.bind(a, vsa.inverse(a)),
      id = vsa.identity();
    for (let i = 0; i < dim; i++) expect(Math.abs(aa[i] - id[i])).toBeLessThan(1e-5);
    const b = vsa.random(2);
    // for m > 1 the two orders are different random-like elements: |similarity| under 5σ = 5/√dim
    expect(Math.abs(vsa.similarity(vsa.bind(a, b), vsa.bind(b, a)))).toBeLessThan(5 / Math.sqrt(dim));

    const g1 = createVsa({ model: 'ghrr', dim: 2 * 64, blockSize: 1 }),
      f = createVsa({ model: 'fhrr', dim: 64 });
    const x = g1.random(3),
      y = g1.random(4);
    const ang = (v: Float32Array) => Float32Array.from({ length: 64 }, (_, j) => Math.atan2(v[2 * j + 1], v[2 * j]));
    // m = 1: bind multiplies phasors, i.e. adds angles as FHRR does; cos similarity equals FHRR's
    expect(f.similarity(ang(g1.bind(x, y)), f.bind(ang(x), ang(y)))).toBeGreaterThan(1 - 1e-6);
    expect(Math.abs(g1.similarity(x, y) - f.similarity(ang(x), ang(y)))).toBeLessThan(1e-6);
  });
});
