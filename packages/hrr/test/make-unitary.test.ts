import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import { approxInverse, bind, dot, makeUnitary, randomVectors } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';

const delta = (D: number) => { const e = new Float32Array(D); e[0] = 1; return e; };

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
