import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, binomialPmf, chiSquareDiscrete, mean, variance } from './stats.js';

function draw(seed: number | string, n: number, p: number, count: number): Float64Array {
  const rng = createRng(seed);
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = rng.binomial(n, p);
  return xs;
}

describe('binomial: chi-square against the exact pmf', () => {
  // [n, p, path]: inversion when n·min(p, 1-p) < 30, BTPE otherwise; p > 1/2 by symmetry.
  const cases: Array<[number, number, string]> = [
    [1, 0.3, 'inversion, Bernoulli'],
    [20, 0.3, 'inversion'],
    [50, 0.97, 'inversion, p > 1/2'],
    [1e9, 1e-8, 'inversion, huge n'],
    [100, 0.4, 'BTPE, explicit pmf ratios'],
    [60, 0.5, 'BTPE at n·p = 30'],
    [10_000, 0.3, 'BTPE, squeeze and Stirling test'],
    [500, 0.9, 'BTPE, p > 1/2'],
    [1e9, 0.3, 'BTPE, n = 1e9'],
    [2e6, 0.0004, 'BTPE, small p'],
  ];
  for (const [n, p, path] of cases) {
    it(`n = ${n}, p = ${p} (${path})`, () => {
      const xs = draw(`binomial ${n} ${p}`, n, p, 200_000);
      const { k0, pmf } = binomialPmf(n, p);
      const r = chiSquareDiscrete(xs, k0, pmf);
      expect(r.p, `chi2 = ${r.stat.toFixed(1)}, df = ${r.df}`).toBeGreaterThan(ALPHA);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    });
  }
});

describe('binomial: moments', () => {
  it('mean n·p and variance n·p·(1-p) within 5 standard errors (n = 1e9, p = 0.7 and n = 1000, p = 0.02)', () => {
    for (const [n, p] of [
      [1e9, 0.7],
      [1000, 0.02],
    ]) {
      const count = 200_000;
      const xs = draw(7, n, p, count);
      const m = n * p,
        v = n * p * (1 - p);
      expect(Math.abs(mean(xs) - m)).toBeLessThan(5 * Math.sqrt(v / count));
      // Var of the sample variance ≈ (μ4 - v²)/count with μ4 = v(1 + 3(n-2)p(1-p))
      const mu4 = v * (1 + 3 * (n - 2) * p * (1 - p));
      expect(Math.abs(variance(xs) - v)).toBeLessThan(5 * Math.sqrt((mu4 - v * v) / count));
    }
  });

  it('edge cases: n = 0, p = 0, p = 1', () => {
    const rng = createRng(2);
    expect(rng.binomial(0, 0.5)).toBe(0);
    expect(rng.binomial(100, 0)).toBe(0);
    expect(rng.binomial(100, 1)).toBe(100);
    expect(rng.binomial(1e9, 1)).toBe(1e9);
  });

  it('n = 1e9: 1e5 draws (O(1) each: a linear-time sampler would not finish within the test timeout)', () => {
    const rng = createRng(3);
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += rng.binomial(1e9, 0.5);
    expect(Math.abs(s / 1e5 - 5e8)).toBeLessThan(5 * Math.sqrt(2.5e8 / 1e5));
  });

  it('rejects p outside [0, 1] and n negative or non-integer, naming the argument', () => {
    const rng = createRng(1);
    const arg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as TensorError).argument;
      }
      return 'no error';
    };
    expect(arg(() => rng.binomial(10, 1.5))).toBe('p');
    expect(arg(() => rng.binomial(10, -0.1))).toBe('p');
    expect(arg(() => rng.binomial(10, NaN))).toBe('p');
    expect(arg(() => rng.binomial(-1, 0.5))).toBe('n');
    expect(arg(() => rng.binomial(2.5, 0.5))).toBe('n');
    expect(() => rng.binomial(10, 2)).toThrow(/p must be in \[0, 1\]/);
  });
});
