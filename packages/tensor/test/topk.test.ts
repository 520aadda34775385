import { describe, expect, it } from 'vitest';
import { topK } from '../src/topk.js';
import { createRng } from '../src/rng/create-rng.js';
import { TensorError } from '../src/tensor-error.js';

/** Reference: full stable sort (value descending, index ascending; NaN last). */
function reference(values: ArrayLike<number>, k: number): { values: number[]; indices: number[] } {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  idx.sort((a, b) => {
    const na = Number.isNaN(values[a]);
    const nb = Number.isNaN(values[b]);
    if (na !== nb) return na ? 1 : -1;
    if (key(a) !== key(b)) return key(b) - key(a) > 0 ? 1 : -1;
    return a - b;
  });
  const top = idx.slice(0, k);
  return { values: top.map((i) => values[i]), indices: top };
}

function check(values: ArrayLike<number>, k: number): void {
  const got = topK(values, k);
  const ref = reference(values, k);
  expect(Array.from(got.indices)).toEqual(ref.indices);
  expect(Array.from(got.values)).toEqual(ref.values);
}

describe('topK', () => {
  const rng = createRng('topk');

  it('matches a full stable sort on random data, with and without ties', () => {
    for (const n of [1, 2, 10, 1000, 20000]) {
      const cont = Float32Array.from({ length: n }, () => rng.normal());
      const ties = Float64Array.from({ length: n }, () => rng.uniformInt(7) - 3);
      for (const k of [0, 1, Math.min(n, 3), Math.floor(n / 10), Math.floor(n / 2), n]) {
        check(cont, k);
        check(ties, k);
      }
    }
  });

  it('adversarial orders: ascending, descending, all equal, organ pipe', () => {
    const n = 5000;
    const asc = Float64Array.from({ length: n }, (_, i) => i);
    const desc = Float64Array.from({ length: n }, (_, i) => n - i);
    const eq = new Float64Array(n).fill(1.5);
    const pipe = Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i));
    for (const v of [asc, desc, eq, pipe]) for (const k of [1, 17, 100, 2500, n]) check(v, k);
  });

  it('large n (sampled start threshold): random, ties, sorted, NaN-laced, and the fallback pass', () => {
    const n = 100_000;
    const rnd = rng.normalArray(n) as Float32Array;
    const ties = Float64Array.from({ length: n }, () => rng.uniformInt(50));
    const asc = Float64Array.from({ length: n }, (_, i) => i * 0.5);
    const desc = Float64Array.from({ length: n }, (_, i) => -i);
    const nan = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NaN : rng.uniform()));
    for (const v of [rnd, ties, asc, desc, nan]) for (const k of [1, 10, 1000, 6250]) check(v, k);
    // Entries at the sampled positions (evenly spaced, 2048 of them) are the
    // largest, so the estimated threshold is too high for k = 4000: fewer than
    // k entries reach it and the plain pass must give the right answer.
    const trap = rng.uniformArray(n) as Float32Array;
    for (let j = 0; j < 2048; j++) trap[Math.floor(((j + 0.5) * n) / 2048)] = 1e9;
    check(trap, 4000);
    check(trap, 2048);
    check(trap, 100);
  });

  it('ties go to the lower index; -0 equals +0', () => {
    expect(Array.from(topK([1, 3, 3, 2, 3], 2).indices)).toEqual([1, 2]);
    expect(Array.from(topK([-0, 0, -0], 2).indices)).toEqual([0, 1]);
  });

  it('infinities and NaN: NaN only fills in when there are fewer than k numbers', () => {
    const v = [NaN, -Infinity, 2, NaN, Infinity, -1];
    check(v, 4);
    const r = topK(v, 6);
    expect(Array.from(r.indices)).toEqual([4, 2, 5, 1, 0, 3]);
    expect(Number.isNaN(r.values[4]) && Number.isNaN(r.values[5])).toBe(true);
    expect(Array.from(topK([NaN, NaN, 1], 1).indices)).toEqual([2]);
    const allNaN = topK([NaN, NaN, NaN], 2);
    expect(Array.from(allNaN.indices)).toEqual([0, 1]);
    const manyNaN = Float64Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? rng.normal() : NaN));
    check(manyNaN, 1500);
    check(manyNaN, 700);
  });

  it('works on plain arrays and returns Float64Array / Int32Array', () => {
    const r = topK([0.5, 0.25, 0.75], 2);
    expect(r.values).toBeInstanceOf(Float64Array);
    expect(r.indices).toBeInstanceOf(Int32Array);
    expect(Array.from(r.values)).toEqual([0.75, 0.5]);
  });

  it('rejects k outside [0, n] and non-integers with TensorError', () => {
    expect(() => topK([1, 2], 3)).toThrow(TensorError);
    expect(() => topK([1, 2], 3)).toThrow(/k must be an integer in \[0, n=2\], got 3/);
    expect(() => topK([1, 2], -1)).toThrow(TensorError);
    expect(() => topK([1, 2], 1.5)).toThrow(TensorError);
    expect(() => topK(null as unknown as number[], 1)).toThrow(/values/);
  });
});
