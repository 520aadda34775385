import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { sampleHypergeometric } from '../src/sample-hypergeometric.js';

/** Exact pmf of Hypergeometric(draws, good, total) by the ratio P(x+1)/P(x) = (good−x)(draws−x)/((x+1)(bad−draws+x+1)). */
function pmf(draws: number, good: number, total: number): Map<number, number> {
  const bad = total - good;
  const lo = Math.max(0, draws - bad), hi = Math.min(draws, good);
  const w = new Map<number, number>();
  let v = 1, sum = 0;
  for (let x = lo; x <= hi; x++) {
    w.set(x, v); sum += v;
    v *= ((good - x) * (draws - x)) / ((x + 1) * (bad - draws + x + 1));
  }
  for (const [x, q] of w) w.set(x, q / sum);
  return w;
}

describe('sampleHypergeometric', () => {
  // one case per branch: draws < 10 (one-by-one simulation), HRUA, draws > total/2, good > bad
  it.each([[5, 30, 100], [60, 80, 200], [150, 80, 200], [40, 150, 200], [12, 3, 50]])('matches the exact pmf: draws %i, good %i, total %i', (draws, good, total) => {
    const rng = createRng(draws * 1000 + good);
    const T = 20000;
    const count = new Map<number, number>();
    for (let i = 0; i < T; i++) { const x = sampleHypergeometric(rng, draws, good, total); count.set(x, (count.get(x) ?? 0) + 1); }
    const law = pmf(draws, good, total);
    for (const x of count.keys()) expect(law.has(x), `value ${x} outside the support`).toBe(true);
    for (const [x, q] of law) {
      // each count within 5 binomial standard deviations of T·q; below an expected
      // count of 1 the count is Poisson-like and P(count >= 5 | mean <= 1) < 0.004
      expect(Math.abs((count.get(x) ?? 0) - T * q), `P(${x}) = ${q}`).toBeLessThan(Math.max(5 * Math.sqrt(T * q * (1 - q)), 5));
    }
  });

  it('has the hypergeometric mean and variance at sizes of 1e9 (O(1) per draw)', () => {
    const draws = 1e7, good = 1e9, total = 4e9, T = 4000;
    const q = good / total;
    const mu = draws * q, sigma2 = (draws * q * (1 - q) * (total - draws)) / (total - 1);
    const rng = createRng(3);
    let s = 0, s2 = 0;
    for (let i = 0; i < T; i++) { const x = sampleHypergeometric(rng, draws, good, total); s += x; s2 += x * x; }
    const m = s / T, v = (s2 - T * m * m) / (T - 1);
    // mean within 5 σ/√T; sample variance within 5 of its standard errors, √(2/(T−1))·σ²
    // (the law is normal to within 1e-3 here: skewness and excess kurtosis ~ 1/σ)
    expect(Math.abs(m - mu)).toBeLessThan(5 * Math.sqrt(sigma2 / T));
    expect(Math.abs(v - sigma2)).toBeLessThan(5 * Math.sqrt(2 / (T - 1)) * sigma2);
  });

  it('handles the edges of the support and the largest safe integers', () => {
    const rng = createRng(1);
    expect(sampleHypergeometric(rng, 0, 5, 10)).toBe(0);
    expect(sampleHypergeometric(rng, 7, 0, 10)).toBe(0);
    expect(sampleHypergeometric(rng, 7, 10, 10)).toBe(7);
    expect(sampleHypergeometric(rng, 10, 4, 10)).toBe(4);
    expect(sampleHypergeometric(rng, 9, 9, 10)).toBeGreaterThanOrEqual(8);
    const total = Number.MAX_SAFE_INTEGER, draws = 2 ** 40, good = 2 ** 52;
    for (let i = 0; i < 50; i++) {
      const x = sampleHypergeometric(rng, draws, good, total);
      expect(Number.isInteger(x)).toBe(true);
      // mean draws·good/total ≈ 2^39, σ ≈ 2^19.5: within 8σ
      expect(Math.abs(x - (draws * good) / total)).toBeLessThan(8 * Math.sqrt(draws * 0.25));
    }
  });
});
