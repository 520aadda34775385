import { describe, it, expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { readFileSync } from 'node:fs';
import { binomialLogPmf, binomialUpperQuantile, sampleTailExact, sampleTailReference } from '../src/binomial-tail.js';

// fixtures/brain_py_round_two.py: scipy's binom.ppf and truncnorm for brain.py's rounds 1 and 2.
const roundTwo = JSON.parse(readFileSync(new URL('./fixtures/brain-py-round-two.json', import.meta.url), 'utf8')) as {
  cases: { n: number; k: number; p: number; alpha1: number; alpha2: number; pmf1: [number, number][]; pmf2: [number, number][] }[];
};

describe('binomial tail', () => {
  it('binomialLogPmf matches ln C(n, v) + v ln p + (n − v) ln(1 − p) from summed logs', () => {
    // ln k! = Σ ln i (this engine's Math.log, ≈ k ulp of rounding): agreement to 1e-9 absolute for n < 400
    const lf = [0];
    for (let i = 1; i < 400; i++) lf.push(lf[i - 1] + Math.log(i));
    for (const [n, p] of [
      [317, 0.01],
      [399, 0.5],
      [50, 0.9],
    ] as const) {
      for (let v = 0; v <= n; v += 7) {
        const ref = lf[n] - lf[v] - lf[n - v] + v * Math.log(p) + (n - v) * Math.log1p(-p);
        expect(Math.abs(binomialLogPmf(n, p, v) - ref), `n ${n} p ${p} v ${v}`).toBeLessThan(1e-9);
      }
    }
  });

  it('pmf sums to 1 and the upper quantile matches a brute-force CDF', () => {
    for (const [n, p] of [
      [317, 0.01],
      [634, 0.05],
      [2000, 0.001],
      [50, 0.5],
    ] as const) {
      let s = 0;
      const pmf: number[] = [];
      for (let v = 0; v <= n; v++) {
        pmf.push(Math.exp(binomialLogPmf(n, p, v)));
        s += pmf[v];
      }
      expect(s).toBeCloseTo(1, 10);
      for (const tail of [0.5, 0.1, 3.17e-3, 1e-5]) {
        // brute force: smallest x with P(X > x) <= tail
        let x = 0,
          above = 1 - pmf[0];
        while (above > tail) {
          x++;
          above -= pmf[x];
        }
        expect(binomialUpperQuantile(n, p, tail)).toBe(x);
      }
    }
  });

  it('exact sampler: the top-k order statistics of N iid binomials (vs their closed-form law)', () => {
    const K = 634,
      p = 0.01,
      N = 20000,
      k = 60,
      trials = 300;
    // Closed form: with q_v = P(X > v) for X ~ Binomial(K, p), the j-th largest of N iid
    // draws exceeds v iff at least j of them do: P(X_(j) > v) = P(Binomial(N, q_v) >= j).
    // So E[X_(j)] = Σ_v P(X_(j) > v) and E[X_(j)²] = Σ_v (2v + 1) P(X_(j) > v).
    const pmf = Array.from({ length: K + 1 }, (_, v) => Math.exp(binomialLogPmf(K, p, v)));
    const orderStat = (j: number) => {
      let e = 0,
        e2 = 0,
        q = 1 - pmf[0];
      for (let v = 0; v < K && q > 0; v++) {
        let below = 0; // P(Binomial(N, q) < j)
        for (let i = 0; i < j; i++) below += Math.exp(binomialLogPmf(N, q, i));
        const gt = Math.max(0, 1 - below);
        e += gt;
        e2 += (2 * v + 1) * gt;
        q -= pmf[v + 1];
      }
      return { mean: e, sd: Math.sqrt(e2 - e * e) };
    };
    const max = orderStat(1),
      kth = orderStat(k);
    const rng = createRng(11);
    const exactTop = new Float64Array(k);
    let sumMax = 0,
      sumKth = 0;
    for (let t = 0; t < trials; t++) {
      sampleTailExact(rng, K, p, N, k, exactTop);
      for (let i = 1; i < k; i++) expect(exactTop[i]).toBeLessThanOrEqual(exactTop[i - 1]);
      sumMax += exactTop[0];
      sumKth += exactTop[k - 1];
    }
    // sample means within 5 standard errors (closed-form σ/√trials) of the closed-form means
    expect(Math.abs(sumMax / trials - max.mean), `max: ${sumMax / trials} vs ${max.mean}`).toBeLessThan((5 * max.sd) / Math.sqrt(trials));
    expect(Math.abs(sumKth / trials - kth.mean), `k-th: ${sumKth / trials} vs ${kth.mean}`).toBeLessThan((5 * kth.sd) / Math.sqrt(trials));
    // the closed form itself against direct simulation of N binomials (fewer trials: N draws each)
    const direct = 60,
      draws = new Float64Array(N);
    let dMax = 0,
      dKth = 0;
    for (let t = 0; t < direct; t++) {
      for (let i = 0; i < N; i++) draws[i] = rng.binomial(K, p);
      draws.sort();
      dMax += draws[N - 1];
      dKth += draws[N - k];
    }
    expect(Math.abs(dMax / direct - max.mean)).toBeLessThan((5 * max.sd) / Math.sqrt(direct));
    expect(Math.abs(dKth / direct - kth.mean)).toBeLessThan((5 * kth.sd) / Math.sqrt(direct));
  });

  it('reference sampler draws k integers in [α, K]', () => {
    const rng = createRng(1);
    const out = new Float64Array(317);
    sampleTailReference(rng, 634, 0.01, 99683, 317, out);
    const alpha = binomialUpperQuantile(634, 0.01, 317 / 99683);
    for (const v of out) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(alpha);
      expect(v).toBeLessThanOrEqual(634);
    }
  });

  it("reference sampler: α is scipy's binom.ppf((N - k)/N, K, p) and the rounded values follow scipy's truncnorm", () => {
    const rng = createRng(21);
    const seen = new Set<string>();
    for (const c of roundTwo.cases) {
      for (const [K, N, alpha, pmf] of [
        [c.k, c.n, c.alpha1, c.pmf1],
        [2 * c.k, c.n - c.k, c.alpha2, c.pmf2],
      ] as const) {
        const key = `${K} ${N} ${c.p}`;
        if (seen.has(key)) continue;
        seen.add(key);
        expect(binomialUpperQuantile(K, c.p, c.k / N), key).toBe(alpha);
        const reps = 100,
          total = reps * c.k;
        const out = new Float64Array(c.k);
        const count = new Map<number, number>();
        for (let r = 0; r < reps; r++) {
          sampleTailReference(rng, K, c.p, N, c.k, out);
          for (const v of out) count.set(v, (count.get(v) ?? 0) + 1);
        }
        let listed = 0;
        for (const [x, q] of pmf) {
          listed += count.get(x) ?? 0;
          const f = (count.get(x) ?? 0) / total;
          // each count within 5 binomial standard deviations of total·q; where total·q < 1 the
          // normal approximation fails and the count is Poisson-like: P(count >= 5 | mean <= 1) < 0.004
          const c = count.get(x) ?? 0;
          expect(Math.abs(c - total * q), `${key} P(${x}): ${f} vs ${q}`).toBeLessThan(Math.max(5 * Math.sqrt(total * q * (1 - q)), 5));
        }
        expect(listed, `${key}: values outside scipy's support`).toBe(total);
      }
    }
  });
});
