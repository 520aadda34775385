import { describe, expect, it } from 'vitest';
import { createVsa, HrrError } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

describe('VTB and TVTB', () => {
  it('need a square dimension', () => {
    expect(() => createVsa({ model: 'vtb', dim: 1000 })).toThrow(HrrError);
    expect(() => createVsa({ model: 'tvtb', dim: 1024 })).not.toThrow();
  });

  it.each(['vtb', 'tvtb'] as const)(
    '%s: with an orthogonal (unitary) key the transpose inverse unbinds exactly; binding is not commutative',
    (model) => {
      const d = 16,
        D = d * d,
        vsa = createVsa({ model, dim: D });
      const x = vsa.random(1),
        y = vsa.unitary(vsa.random(2));
      const c = vsa.bind(x, y);
      // √d·Y orthogonal ⇒ unbindRight is exact up to float32 rounding of O(d) sums of |x| ≲ 1
      expect(maxAbsDiff(vsa.unbindRight(c, y), x)).toBeLessThan(1e-5);
      expect(vsa.similarity(vsa.bind(x, y), vsa.bind(y, x))).toBeLessThan(0.5);
      // exact inverses: bind(z, r) = identity = bind(l, z) up to float32 (a d×d inverse, cond(Z) ≲ 10² for random d = 16)
      const z = vsa.random(3);
      expect(maxAbsDiff(vsa.bind(z, vsa.rightInverse(z)), vsa.identity())).toBeLessThan(1e-3);
      expect(maxAbsDiff(vsa.bind(vsa.leftInverse(z), z), vsa.identity())).toBeLessThan(1e-3);
    },
  );

  it('vtb unbinding of a random key has cosine ≈ 1/√(2 + 1/d) (second moment of a Wishart matrix)', () => {
    // ŷ = d·Y XᵀX with d·XᵀX = GᵀG/d (G standard normal d×d): E tr((GᵀG/d)²)/d = 2 + 1/d, so
    // cos(ŷ, y) ≈ 1/√(2 + 1/d); the mean over 40 trials is within 0.05 of it (finite-d fluctuations
    // of the ratio are O(1/d) ≈ 0.03 at d = 32, and the 40-trial mean shrinks the spread further)
    const d = 32,
      vsa = createVsa({ model: 'vtb', dim: d * d });
    let s = 0;
    for (let t = 0; t < 40; t++) {
      const x = vsa.random(`x${t}`),
        y = vsa.random(`y${t}`);
      s += vsa.similarity(vsa.unbind(vsa.bind(x, y), x), y);
    }
    expect(Math.abs(s / 40 - 1 / Math.sqrt(2 + 1 / d))).toBeLessThan(0.05);
  });
});
