import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { splitInput } from '../src/split-input.js';

describe('splitInput', () => {
  it('splits m over blocks as a multivariate hypergeometric: sums to m, within the block sizes, mean m·K_b/K', () => {
    const rng = createRng(9);
    const sizes = Float64Array.from([300, 50, 650]),
      K = 1000,
      m = 40,
      T = 5000;
    const counts = new Float64Array(3),
      sum = new Float64Array(3);
    for (let t = 0; t < T; t++) {
      splitInput(rng, m, sizes, counts);
      expect(counts[0] + counts[1] + counts[2]).toBe(m);
      for (let b = 0; b < 3; b++) {
        expect(counts[b]).toBeGreaterThanOrEqual(0);
        expect(counts[b]).toBeLessThanOrEqual(sizes[b]);
        sum[b] += counts[b];
      }
    }
    for (let b = 0; b < 3; b++) {
      // marginal of block b: Hypergeometric(m, K_b, K), variance m·q(1−q)(K−m)/(K−1); 5 standard errors of the mean
      const q = sizes[b] / K,
        sd = Math.sqrt((m * q * (1 - q) * (K - m)) / (K - 1));
      expect(Math.abs(sum[b] / T - m * q), `block ${b}`).toBeLessThan((5 * sd) / Math.sqrt(T));
    }
  });

  it('takes everything from the only non-empty block and nothing from empty ones', () => {
    const rng = createRng(2);
    const counts = new Float64Array(3);
    splitInput(rng, 7, Float64Array.from([0, 10, 0]), counts);
    expect(Array.from(counts)).toEqual([0, 7, 0]);
    splitInput(rng, 10, Float64Array.from([4, 6]), counts);
    expect(Array.from(counts.subarray(0, 2))).toEqual([4, 6]);
  });
});
