import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import { bind, bindPower, exactInverse, randomVectors } from '../src/index.js';
import { directConvolution, maxAbsDiff } from './helpers.js';

const delta = (D: number) => { const e = new Float32Array(D); e[0] = 1; return e; };

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
