import { describe, expect, it } from 'vitest';
import { createVsa, hammingSimilarity, hardQuantize, multirandsel, randsel, softQuantize } from '../src/index.js';

describe('randsel, multirandsel, quantize, hamming', () => {
  it('randsel takes a fraction p of the elements from b: Binomial(D, p) (5σ)', () => {
    const D = 5000,
      p = 0.3,
      vsa = createVsa({ model: 'bsc', dim: D });
    const a = vsa.random(1),
      b = vsa.random(2);
    const r = randsel(vsa, a, b, p, 3);
    // elements where a ≠ b (≈ D/2) come from b with probability p
    let diff = 0,
      fromB = 0;
    for (let j = 0; j < D; j++)
      if (a[j] !== b[j]) {
        diff++;
        if (r[j] === b[j]) fromB++;
      }
    expect(Math.abs(fromB - p * diff)).toBeLessThan(5 * Math.sqrt(diff * p * (1 - p)));
    const m = multirandsel(vsa, [a, b, vsa.random(4)], [1, 0, 0], 5);
    expect(Array.from(m)).toEqual(Array.from(a));
  });

  it('quantizers and hamming similarity', () => {
    expect(Array.from(hardQuantize([0.2, -0.1, 0]))).toEqual([1, -1, -1]);
    expect(softQuantize([0, 1])[1]).toBeCloseTo(Math.tanh(1), 6);
    expect(hammingSimilarity([1, 0, 1, 1], [1, 1, 1, 0])).toBe(2);
  });
});
