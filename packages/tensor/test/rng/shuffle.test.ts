import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, chiSquareCounts } from './stats.js';

describe('shuffle', () => {
  it('all 24 permutations of 4 elements are equally likely', () => {
    const rng = createRng(71);
    const trials = 96_000;
    const counts = new Map<string, number>();
    for (let t = 0; t < trials; t++) {
      const key = rng.shuffle([0, 1, 2, 3]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    expect(chiSquareCounts([...counts.values()], new Float64Array(24).fill(trials / 24)).p).toBeGreaterThan(ALPHA);
  });

  it('every element is uniform over every position (n = 12, typed array)', () => {
    const rng = createRng(72);
    const n = 12,
      trials = 60_000;
    const m = Array.from({ length: n }, () => new Float64Array(n));
    const a = new Int32Array(n);
    for (let t = 0; t < trials; t++) {
      for (let i = 0; i < n; i++) a[i] = i;
      rng.shuffle(a);
      for (let i = 0; i < n; i++) m[a[i]][i]++;
    }
    for (let v = 0; v < n; v++) expect(chiSquareCounts(m[v], new Float64Array(n).fill(trials / n)).p).toBeGreaterThan(ALPHA);
  });

  it('shuffles in place, returns the same object, keeps the multiset; handles length 0 and 1', () => {
    const rng = createRng(73);
    const a = Array.from({ length: 100 }, (_, i) => `x${i}`);
    const r = rng.shuffle(a);
    expect(r).toBe(a);
    expect([...a].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `x${i}`).sort());
    expect(rng.shuffle([])).toEqual([]);
    expect(rng.shuffle([7])).toEqual([7]);
    expect(() => rng.shuffle(null as unknown as number[])).toThrow(TensorError);
  });
});
