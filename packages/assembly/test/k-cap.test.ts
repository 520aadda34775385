import { describe, it, expect } from 'vitest';
import { createRng, topK } from '@neurite/tensor';
import { kCapIndices, kthLargest } from '../src/k-cap.js';

// Reference: @neurite/tensor's topK (stable: equal values by lower index first).
describe('k-cap selection', () => {
  it('selects the same set as a stable top-k, with heavy ties and distinct values', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.uniformInt(3000);
      const k = 1 + rng.uniformInt(n);
      const levels = trial % 2 === 0 ? 1 + rng.uniformInt(6) : 0; // integer values with many ties, or continuous
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = levels ? rng.uniformInt(levels) : rng.normal();
      const scratch = new Float64Array(n);
      const ref = topK(v, k);
      expect(kthLargest(v, n, k, scratch)).toBe(ref.values[k - 1]);
      expect(Array.from(kCapIndices(v, n, k, scratch))).toEqual(Array.from(ref.indices).sort((a, b) => a - b));
    }
  });

  it('reads only the first n values', () => {
    const v = Float64Array.from([1, 5, 3, 9, 100, 100]);
    expect(Array.from(kCapIndices(v, 4, 2, new Float64Array(6)))).toEqual([1, 3]);
  });
});
