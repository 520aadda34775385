import { describe, expect, it } from 'vitest';
import { bind, bindNormalize, dot, randomVectors } from '../src/index.js';
import { maxAbsDiff } from './helpers.js';


describe('bindNormalize', () => {
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
