import { describe, expect, it } from 'vitest';
import { bind, exactInverse, HrrError, randomVectors } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

const delta = (D: number) => { const e = new Float32Array(D); e[0] = 1; return e; };

describe('exactInverse', () => {
  it('a ⊛ a⁻¹ = δ for a random vector', () => {
    const a = randomVectors('hrr', 300, 'inv');
    expect(maxAbsDiff(bind(a, exactInverse(a)), delta(300))).toBeLessThan(1e-3);
  });
  it('refuses a near-zero spectrum, regularises with eps', () => {
    const D = 8, a = new Float32Array(D).fill(1 / D); // spectrum zero except DC
    expect(() => exactInverse(a)).toThrow(HrrError);
    expect(() => exactInverse(a)).toThrow(/near-zero spectrum at bin 1/);
    const r = exactInverse(a, { eps: 1e-3 });
    expect(r.every(Number.isFinite)).toBe(true);
    // Tikhonov: DC inverse = conj(A0)/(|A0|² + eps·ms), A0 = 1, ms = mean |A|² = 1/D
    const expectedDc = 1 / (1 + 1e-3 / D);
    expect(r.reduce((s, x) => s + x, 0)).toBeCloseTo(expectedDc, 6);
  });
});
