import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, chiSquareCounts } from './stats.js';

describe('sampleWithoutReplacement', () => {
  it('returns k distinct integers of [0, n) (sparse path n = 1e9, k = 1e5; dense path n = 1000, k = 999; k = n)', () => {
    const rng = createRng(61);
    for (const [n, k] of [
      [1e9, 100_000],
      [1000, 999],
      [50, 50],
      [2 ** 31 - 1, 10],
    ]) {
      const s = rng.sampleWithoutReplacement(n, k);
      expect(s).toBeInstanceOf(Int32Array);
      expect(s.length).toBe(k);
      expect(new Set(s).size).toBe(k);
      expect(s.every((v) => v >= 0 && v < n)).toBe(true);
    }
    expect(rng.sampleWithoutReplacement(10, 0).length).toBe(0);
  });

  // Ordered pairs (s[0], s[1]) must be uniform over the n(n-1) ordered distinct pairs,
  // and every position uniform over [0, n).
  for (const [n, k, path] of [
    [20, 2, 'sparse (Map)'],
    [20, 5, 'dense (partial Fisher-Yates)'],
  ] as const) {
    it(`is uniform: ordered pairs and positions (${path}, n = ${n}, k = ${k})`, () => {
      const rng = createRng(`swr ${n} ${k}`);
      const trials = 76_000;
      const pairs = new Float64Array(n * n);
      const pos = Array.from({ length: k }, () => new Float64Array(n));
      for (let t = 0; t < trials; t++) {
        const s = rng.sampleWithoutReplacement(n, k);
        pairs[s[0] * n + s[1]]++;
        for (let j = 0; j < k; j++) pos[j][s[j]]++;
      }
      const obs: number[] = [],
        exp: number[] = [];
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          if (a === b) {
            expect(pairs[a * n + b]).toBe(0);
            continue;
          }
          obs.push(pairs[a * n + b]);
          exp.push(trials / (n * (n - 1)));
        }
      expect(chiSquareCounts(obs, exp).p).toBeGreaterThan(ALPHA);
      for (let j = 0; j < k; j++) expect(chiSquareCounts(pos[j], new Float64Array(n).fill(trials / n)).p).toBeGreaterThan(ALPHA);
    });
  }

  it('k << n: 1e5 distinct values of 2^31 - 1 (O(k) work and memory; an O(n) method would need 8 GiB)', () => {
    const s = createRng(62).sampleWithoutReplacement(2 ** 31 - 1, 100_000);
    expect(s.length).toBe(100_000);
    expect(new Set(Array.from(s)).size).toBe(100_000);
    expect(Array.from(s).every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31 - 1)).toBe(true);
  });

  it('rejects k > n, negative or non-integer n and k, naming the argument', () => {
    const rng = createRng(1);
    const arg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(TensorError);
        return (e as TensorError).argument;
      }
      return 'no error';
    };
    expect(arg(() => rng.sampleWithoutReplacement(5, 6))).toBe('k');
    expect(arg(() => rng.sampleWithoutReplacement(5, -1))).toBe('k');
    expect(arg(() => rng.sampleWithoutReplacement(5, 1.5))).toBe('k');
    expect(arg(() => rng.sampleWithoutReplacement(-5, 1))).toBe('n');
    expect(arg(() => rng.sampleWithoutReplacement(2 ** 31, 1))).toBe('n');
  });
});
