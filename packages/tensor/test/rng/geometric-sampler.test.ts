import { describe, expect, it } from 'vitest';
import { geometricSampler } from '../../src/rng/geometric-sampler.js';
import { createRng } from '../../src/rng/create-rng.js';
import { chiSquareZ } from '../sparse/helpers.js';

describe('geometricSampler', () => {
  it('pmf p (1-p)^s (chi-square) on both paths, and the memoryless tail', () => {
    for (const p of [0.5, 0.01, 2e-4]) {
      const g = geometricSampler(p, createRng(`geo-${p}`));
      const N = 100_000;
      const G = Math.ceil(4 / p);
      const hist = new Float64Array(G + 1);
      let sum = 0;
      for (let i = 0; i < N; i++) {
        const v = g();
        sum += v;
        hist[Math.min(G, v)]++;
      }
      const expected = new Float64Array(G + 1);
      for (let s = 0; s < G; s++) expected[s] = N * p * (1 - p) ** s;
      expected[G] = N * (1 - p) ** G;
      expect(chiSquareZ(hist, expected).z).toBeLessThan(4.5);
      // mean (1-p)/p, sd sqrt(1-p)/p per draw
      expect(Math.abs(sum / N - (1 - p) / p)).toBeLessThan((5 * Math.sqrt(1 - p)) / p / Math.sqrt(N));
    }
    // A 32-bit draw of 2^32 - 1 means G >= L (L = 32 for p = 1/2: (1/2)^32 = 2^-32):
    // the sampler adds L and draws again; 0 then gives G = 0.
    const seq = [0xffffffff, 0xffffffff, 0];
    const fake = { nextUint32: () => seq.shift() as number, uniform: () => 0 } as unknown as ReturnType<typeof createRng>;
    expect(geometricSampler(0.5, fake)()).toBe(64);
  });

  it('with a limit, stops at the first tail sum that reaches it (no further draws)', () => {
    let draws = 0;
    const tails = {
      nextUint32: () => {
        draws++;
        return 0xffffffff;
      },
      uniform: () => 0,
    } as unknown as ReturnType<typeof createRng>;
    // p = 1/2: L = 32, each all-ones draw adds 32; a limit of 40 is reached after two draws.
    expect(geometricSampler(0.5, tails)(40)).toBe(64);
    expect(draws).toBe(2);
  });
});
