import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { kat } from './kat.js';
import { ALPHA, chiSquareCounts } from './stats.js';

describe('uniformInt', () => {
  it('matches the C reference (Lemire for n <= 2^32, 53-bit rejection above)', () => {
    const rng = createRng(kat.uniformInt.seed);
    const got: number[] = [];
    for (let r = 0; r < 5; r++) for (const n of kat.uniformInt.bounds) got.push(rng.uniformInt(n));
    expect(got).toEqual(kat.uniformInt.values);
  });

  it('is uniform on small n (chi-square, n = 7 and n = 1000)', () => {
    const rng = createRng(21);
    for (const n of [7, 1000]) {
      const draws = 200 * n + 100_000;
      const counts = new Float64Array(n);
      for (let i = 0; i < draws; i++) counts[rng.uniformInt(n)]++;
      expect(chiSquareCounts(counts, new Float64Array(n).fill(draws / n)).p).toBeGreaterThan(ALPHA);
    }
  });

  it('is unbiased where x mod n would not be: n = 3·2^30 (thirds equally likely)', () => {
    // x mod n with x uniform on [0, 2^32) puts 1/2 of the mass in the first third.
    const rng = createRng(22);
    const n = 3 * 2 ** 30,
      draws = 90_000;
    const thirds = new Float64Array(3);
    for (let i = 0; i < draws; i++) thirds[Math.floor(rng.uniformInt(n) / 2 ** 30)]++;
    expect(chiSquareCounts(thirds, [draws / 3, draws / 3, draws / 3]).p).toBeGreaterThan(ALPHA);
  });

  it('is uniform for n > 2^32 (n = 3·2^40: thirds, and the low bits)', () => {
    const rng = createRng(23);
    const n = 3 * 2 ** 40,
      draws = 90_000;
    const thirds = new Float64Array(3),
      low = new Float64Array(16);
    for (let i = 0; i < draws; i++) {
      const v = rng.uniformInt(n);
      thirds[Math.floor(v / 2 ** 40)]++;
      low[v % 16]++;
    }
    expect(chiSquareCounts(thirds, [draws / 3, draws / 3, draws / 3]).p).toBeGreaterThan(ALPHA);
    expect(chiSquareCounts(low, new Float64Array(16).fill(draws / 16)).p).toBeGreaterThan(ALPHA);
  });

  it('handles the extremes n = 1, 2^32 and 2^53', () => {
    const rng = createRng(24);
    expect(rng.uniformInt(1)).toBe(0);
    for (let i = 0; i < 100; i++) {
      const a = rng.uniformInt(2 ** 32),
        b = rng.uniformInt(2 ** 53);
      expect(Number.isInteger(a) && a >= 0 && a < 2 ** 32).toBe(true);
      expect(Number.isInteger(b) && b >= 0 && b < 2 ** 53).toBe(true);
    }
  });

  it('rejects n that is not an integer in [1, 2^53]', () => {
    const rng = createRng(1);
    for (const n of [0, -1, 1.5, NaN, 2 ** 53 + 2, Infinity]) {
      expect(() => rng.uniformInt(n), String(n)).toThrow(TensorError);
    }
    expect(() => rng.uniformInt(0)).toThrow(/n must be an integer/);
  });
});
