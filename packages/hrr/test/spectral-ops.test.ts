import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import {
  approxInverse, bind, bindNormalize, bindPower, bundle, dot, exactInverse, HrrError, inversePermutation,
  makeUnitary, permute, randomPermutation, randomVectors,
} from '../src/index.js';
import { directConvolution, maxAbsDiff } from './helpers.js';

const delta = (D: number) => { const e = new Float32Array(D); e[0] = 1; return e; };

describe('approxInverse', () => {
  it('is the involution a[−i mod D]', () => {
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4])))).toEqual([1, 4, 3, 2]);
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4, 5, 6]), { dim: 3 }))).toEqual([1, 3, 2, 4, 6, 5]);
  });
});

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

describe('makeUnitary', () => {
  it('has |U_k| = 1, unit norm, and u^† = u⁻¹', () => {
    for (const D of [7, 128]) {
      const u = makeUnitary(randomVectors('hrr', D, `mu${D}`));
      const spec = realFftPlan(D).forward(u);
      for (let k = 0; k < spec.length; k += 2) expect(Math.hypot(spec[k], spec[k + 1])).toBeCloseTo(1, 5);
      expect(dot(u, u)).toBeCloseTo(1, 5);
      expect(maxAbsDiff(bind(u, approxInverse(u)), delta(D))).toBeLessThan(1e-5);
    }
  });
});

describe('bindPower', () => {
  it('integer powers are repeated binding; p = 0 is δ; p = −1 is the inverse', () => {
    const a = randomVectors('hrr', 64, 'pw');
    const a3 = Float64Array.from(directConvolution(directConvolution(a, a), a));
    expect(maxAbsDiff(bindPower(a, 3), a3)).toBeLessThan(1e-5);
    expect(maxAbsDiff(bindPower(a, 0), delta(64))).toBeLessThan(1e-6);
    expect(maxAbsDiff(bindPower(a, -1), exactInverse(a))).toBeLessThan(1e-4);
  });
  it('fractional powers compose for a unitary vector with positive real bins', () => {
    const D = 100, plan = realFftPlan(D);
    const spec = new Float64Array(2 * plan.bins);
    for (let k = 0; k < plan.bins; k++) { const th = k === 0 || 2 * k === D ? 0 : 0.37 * k; spec[2 * k] = Math.cos(th); spec[2 * k + 1] = Math.sin(th); }
    const u = Float32Array.from(plan.inverse(spec));
    expect(maxAbsDiff(bind(bindPower(u, 0.3), bindPower(u, 1.2)), bindPower(u, 1.5))).toBeLessThan(1e-5);
    expect(maxAbsDiff(bind(bindPower(u, 0.5), bindPower(u, 0.5)), u)).toBeLessThan(1e-5);
  });
});

describe('permute', () => {
  it('shifts cyclically and inverts', () => {
    const a = new Float32Array([1, 2, 3, 4, 5]);
    expect(Array.from(permute(a, 1))).toEqual([5, 1, 2, 3, 4]);
    expect(Array.from(permute(permute(a, 7), -7))).toEqual([1, 2, 3, 4, 5]);
    const p = randomPermutation(5, 42);
    expect(Array.from(permute(permute(a, p), inversePermutation(p)))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(randomPermutation(5, 42))).toEqual(Array.from(p));
    expect(() => permute(a, [0, 0, 1, 2, 3])).toThrow(HrrError);
  });
});

describe('bundle and bindNormalize', () => {
  it('bundle is the weighted sum, optionally normalised', () => {
    const v = new Float32Array([1, 0, 0, 1, 2, 2]);
    expect(Array.from(bundle(v, 2))).toEqual([3, 3]);
    expect(Array.from(bundle(v, 2, { weights: [1, 2, -1] }))).toEqual([-1, 0]);
    const n = bundle([[3, 0], [0, 4]], 2, { normalize: true });
    expect(n[0]).toBeCloseTo(0.6, 6); expect(n[1]).toBeCloseTo(0.8, 6);
  });
  it('bindNormalize = bind scaled to unit norm', () => {
    const D = 33, A = randomVectors('hrr', D, 'bn', 3), b = randomVectors('hrr', D, 'bn2');
    const c = bind(A, b), cn = bindNormalize(A, b);
    for (let r = 0; r < 3; r++) {
      const row = c.subarray(r * D, (r + 1) * D), nrow = cn.subarray(r * D, (r + 1) * D);
      const s = 1 / Math.sqrt(dot(row, row));
      expect(maxAbsDiff(nrow, row.map((x) => x * s))).toBeLessThan(1e-6);
    }
  });
});
