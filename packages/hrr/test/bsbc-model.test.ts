import { describe, expect, it } from 'vitest';
import { createVsa } from '../src/index.js';

const hot = (v: Float32Array, L: number) => Array.from({ length: v.length / L }, (_, b) => v.subarray(b * L, (b + 1) * L).indexOf(1));

describe('BSBC (binary sparse block codes)', () => {
  it('random elements, bindings and normalized bundles have exactly one 1 per block; binding adds indices mod L', () => {
    const L = 8,
      D = 64 * L,
      vsa = createVsa({ model: 'bsbc', dim: D, blockSize: L });
    const [a, b, c] = [vsa.random(1), vsa.random(2), vsa.random(3)];
    for (const v of [a, b, vsa.bind(a, b), vsa.bundle([a, b, c], { normalize: true }), vsa.inverse(a), vsa.identity()]) {
      for (let k = 0; k < D / L; k++) {
        const blk = Array.from(v.subarray(k * L, (k + 1) * L));
        expect(blk.filter((x) => x === 1).length).toBe(1);
        expect(blk.filter((x) => x !== 0 && x !== 1).length).toBe(0);
      }
    }
    const ia = hot(a, L),
      ib = hot(b, L);
    expect(hot(vsa.bind(a, b), L)).toEqual(ia.map((x, k) => (x + ib[k]) % L));
    expect(hot(vsa.inverse(a), L)).toEqual(ia.map((x) => (L - x) % L));
    expect(hot(vsa.power(a, 3), L)).toEqual(ia.map((x) => (3 * x) % L));
    expect(Array.from(vsa.unbind(vsa.bind(a, b), a))).toEqual(Array.from(b));
  });

  it('a bundle of 3 keeps, per block, a member index; each member is matched in ≥ ⅓ of blocks on average', () => {
    const L = 16,
      D = 256 * L,
      vsa = createVsa({ model: 'bsbc', dim: D, blockSize: L });
    const m = [vsa.random(7), vsa.random(8), vsa.random(9)];
    const s = vsa.bundle(m, { normalize: true });
    const hs = hot(s, L),
      hm = m.map((v) => hot(v, L));
    hs.forEach((x, k) => expect(hm.some((h) => h[k] === x)).toBe(true));
    // the three fractions sum to ≥ 1 (every block matches at least one member)
    expect(m.reduce((acc, v) => acc + vsa.similarity(s, v), 0)).toBeGreaterThanOrEqual(1 - 1e-6);
  });
});
