import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, ksTest, mean, normalMass, phi } from './stats.js';

/** CDF of N(0,1) truncated to [a, b], computed without cancellation in the tails. */
const truncCdf = (a: number, b: number) => (x: number) => normalMass(a, Math.min(Math.max(x, a), b)) / normalMass(a, b);

describe('truncatedNormal', () => {
  // [lo, hi, which sampler]
  const cases: Array<[number, number, string]> = [
    [-1, 2, 'uniform rejection (straddles 0, narrow)'],
    [-0.1, 0.1, 'uniform rejection (very narrow)'],
    [-3, 4, 'normal rejection (straddles 0, wide)'],
    [-0.5, Infinity, 'normal rejection (one-sided, a < 0)'],
    [0, Infinity, 'half-normal via exponential proposal'],
    [1.5, 2.5, 'exponential proposal, two-sided'],
    [5, Infinity, 'one-sided tail at 5 sigma'],
    [6, 6.05, 'narrow interval deep in the tail'],
    [-Infinity, -3, 'left tail, mirrored'],
    [10, Infinity, '10 sigma'],
  ];
  for (const [a, b, what] of cases) {
    it(`[${a}, ${b}] (${what}): KS against the truncated normal cdf, all values inside`, () => {
      const rng = createRng(`tn ${a} ${b}`);
      const n = 100_000;
      const xs = Float64Array.from({ length: n }, () => rng.truncatedNormal(a, b));
      expect(xs.every((x) => x >= a && x <= b)).toBe(true);
      const r = ksTest(xs, truncCdf(a, b));
      expect(r.p, `D = ${r.d}`).toBeGreaterThan(ALPHA);
      // mean of the truncated normal: (phi(a) - phi(b)) / Z, Z = P(a < Z < b); variance
      // 1 + (a phi(a) - b phi(b)) / Z - mean^2 (a phi(a) = 0 at an infinite end). The sample mean of n draws
      // is within 5 standard errors sqrt(var / n) (a 5 sigma bound: two-sided p ~ 6e-7).
      const Z = normalMass(a, b);
      const m = (phi(a) - phi(b)) / Z;
      const aphi = (x: number) => (Number.isFinite(x) ? x * phi(x) : 0);
      const v = 1 + (aphi(a) - aphi(b)) / Z - m * m;
      expect(Math.abs(mean(xs) - m)).toBeLessThan(5 * Math.sqrt(v / n));
    });
  }

  it('applies mean and std: lo = mean + 6 std one-sided, KS in standard units', () => {
    const rng = createRng(77);
    const mu = 100,
      sd = 3;
    const xs = Float64Array.from({ length: 50_000 }, () => rng.truncatedNormal(mu + 6 * sd, Infinity, mu, sd));
    expect(xs.every((x) => x >= mu + 6 * sd)).toBe(true);
    const z = xs.map((x) => (x - mu) / sd);
    expect(ksTest(z, truncCdf(6, Infinity)).p).toBeGreaterThan(ALPHA);
  });

  it('(-Infinity, Infinity) is the plain normal; 1e5 draws at 20 sigma stay in the tail (rejection from the body would never finish)', () => {
    const rng = createRng(78);
    const xs = Float64Array.from({ length: 20_000 }, () => rng.truncatedNormal(-Infinity, Infinity));
    expect(ksTest(xs, truncCdf(-Infinity, Infinity)).p).toBeGreaterThan(ALPHA);
    let below = 0;
    for (let i = 0; i < 100_000; i++) if (!(rng.truncatedNormal(20, Infinity) >= 20)) below++;
    expect(below).toBe(0);
  });

  it('rejects lo >= hi, std <= 0 and NaN bounds with a TensorError naming the argument', () => {
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
    expect(arg(() => rng.truncatedNormal(1, 1))).toBe('lo');
    expect(arg(() => rng.truncatedNormal(2, 1))).toBe('lo');
    expect(arg(() => rng.truncatedNormal(NaN, 1))).toBe('lo');
    expect(arg(() => rng.truncatedNormal(0, NaN))).toBe('hi');
    expect(arg(() => rng.truncatedNormal(0, 1, 0, 0))).toBe('std');
    expect(arg(() => rng.truncatedNormal(0, 1, Infinity))).toBe('mean');
  });
});
