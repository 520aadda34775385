import { describe, expect, it } from 'vitest';
import { bind, bindNormalize, dot, randomVectors } from '../src/index.js';

describe('bindNormalize', () => {
  it('bindNormalize = bind scaled to unit norm', () => {
    const D = 33,
      A = randomVectors('hrr', D, 'bn', 3),
      b = randomVectors('hrr', D, 'bn2');
    const c = bind(A, b),
      cn = bindNormalize(A, b);
    for (let r = 0; r < 3; r++) {
      const row = c.subarray(r * D, (r + 1) * D),
        nrow = cn.subarray(r * D, (r + 1) * D);
      // the same float64 norm of the same float32 row, then one float32 rounding of x·s: equal
      const s = 1 / Math.sqrt(dot(row, row));
      expect(nrow).toEqual(row.map((x) => x * s));
    }
  });
});
