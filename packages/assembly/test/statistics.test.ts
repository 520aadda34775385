import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { statisticsTable, REFERENCE_RANGES, mean } from '../src/statistics.js';
import { Brain, overlap, simulateProjection } from '../src/index.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/lazy-projection-reference.json', import.meta.url), 'utf8')) as {
  n: number; k: number; p: number; rounds: number; rows: { beta: number; support20: number[]; overlap21: number[] }[];
};
// fixtures/brain_py_round_two.py: closed forms of brain.py's rounds 1 and 2 (scipy only, no simulation).
const roundTwo = JSON.parse(readFileSync(new URL('./fixtures/brain-py-round-two.json', import.meta.url), 'utf8')) as {
  cases: { n: number; k: number; p: number; beta: number; stimulusWeightMean: number; overlap21: number }[];
};
const se = (a: number[]) => { const m = mean(a); return Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1) / a.length); };

describe('statistics (n = 1e5, k = 317, p = 0.01)', () => {
  // Rounds 1-2 of project_sim against brain.py's own law in closed form: the
  // round-1 candidates (binomial quantile + rounded truncated normal), the
  // recruited neurons' stimulus synapses = their input, (1 + β) on them, the
  // Bernoulli(p) A → A synapses among recruits, ties to known neurons.
  it("rounds 1-2 match brain.py's closed form: round-1 stimulus weights and round-2/round-1 overlap", () => {
    for (const c of roundTwo.cases) {
      const seeds = c.n >= 1e6 ? 40 : 300;
      const weight: number[] = [], ov: number[] = [];
      for (let seed = 0; seed < seeds; seed++) {
        const b = new Brain(c.p, 7000 + seed);
        b.addStimulus('stim', c.k).addArea('A', c.n, c.k, c.beta);
        b.project({ stim: ['A'] }, {});
        const w1 = b.winners('A');
        weight.push(mean(Array.from(b.stimulusWeights('stim', 'A'))));
        b.project({ stim: ['A'] }, { A: ['A'] });
        ov.push(overlap(w1, b.winners('A')) / c.k);
      }
      const tag = `n=${c.n} k=${c.k} p=${c.p} β=${c.beta}`;
      expect(Math.abs(mean(weight) - c.stimulusWeightMean), `${tag} weight ${mean(weight)} vs ${c.stimulusWeightMean}`).toBeLessThan(4 * se(weight) + 1e-6);
      expect(Math.abs(mean(ov) - c.overlap21), `${tag} overlap ${mean(ov)} vs ${c.overlap21}`).toBeLessThan(4 * se(ov));
    }
  });

  // fixtures/lazy_projection_reference.py: an independent numpy/scipy
  // implementation of brain.py's lazy projection (truncated-normal sampler).
  it("sampler 'reference' matches an independent implementation of brain.py's algorithm (40 seeds each)", () => {
    for (const row of fixture.rows) {
      const s20: number[] = [], ov: number[] = [];
      for (let seed = 0; seed < 40; seed++) {
        const r = simulateProjection({ n: fixture.n, k: fixture.k, p: fixture.p, beta: row.beta, rounds: 20, seed, sampler: 'reference' });
        s20.push(r.support[19]); ov.push(r.overlap21);
      }
      expect(Math.abs(mean(s20) - mean(row.support20)), `β=${row.beta} support: ${mean(s20)} vs ${mean(row.support20)}`)
        .toBeLessThan(4 * Math.hypot(se(s20), se(row.support20)));
      expect(Math.abs(mean(ov) - mean(row.overlap21)), `β=${row.beta} overlap: ${mean(ov)} vs ${mean(row.overlap21)}`)
        .toBeLessThan(4 * Math.hypot(se(ov), se(row.overlap21)));
    }
  });

  // Means over 10 seeds (default sampler 'reference') against the brain.py
  // ranges of the issue. Two entries are NOT range-checked because they do not
  // hold for brain.py's algorithm itself (audit in the README):
  // - round-2/round-1 overlap at β <= 0.05: brain.py's law gives 28.45% in
  //   closed form (first test above), below the 30–37% (which the
  //   β = 0.1 closed form, 36.3%, and an explicit simulation, ≈ 34%, meet);
  // - support at β = 0.05: ours 1225 on seeds 0–9 (1233.5 ± 3.5 over 200
  //   seeds, the independent implementation 1240 ± 8 over 40), just under the
  //   range 1235–1302, which is the min–max of 5 brain.py seeds whose per-seed
  //   spread is ≈ 50. Instead, every β's mean is tested for being compatible
  //   with the 5-seed brain.py mean (a two-sample test, 3 σ).
  it('table: support (β = 0.01, 0.1), rounds until no new winner, overlap (β = 0.1) and association inside the brain.py ranges; support means compatible with brain.py\'s', () => {
    const t = statisticsTable({ association: true });
    expect(t.sampler).toBe('reference');
    for (const row of t.projection) {
      const sd = Math.sqrt(se(row.support20) ** 2 * row.support20.length);
      const ref = REFERENCE_RANGES.support20Mean[row.beta];
      expect(Math.abs(mean(row.support20) - ref), `support β=${row.beta}: ${mean(row.support20)} vs brain.py mean ${ref}`)
        .toBeLessThan(3 * sd * Math.sqrt(1 / row.support20.length + 1 / 5));
      const [rlo, rhi] = REFERENCE_RANGES.roundsToStable[row.beta];
      expect(mean(row.roundsToStable), `rounds β=${row.beta}`).toBeGreaterThanOrEqual(rlo);
      expect(mean(row.roundsToStable), `rounds β=${row.beta}`).toBeLessThanOrEqual(rhi);
      if (row.beta === 0.05) continue;
      const [lo, hi] = REFERENCE_RANGES.support20[row.beta];
      expect(mean(row.support20), `support β=${row.beta}`).toBeGreaterThanOrEqual(lo);
      expect(mean(row.support20), `support β=${row.beta}`).toBeLessThanOrEqual(hi);
    }
    const ov = mean(t.projection.find((r) => r.beta === 0.1)!.overlap21);
    expect(ov).toBeGreaterThanOrEqual(REFERENCE_RANGES.overlap21[0]);
    expect(ov).toBeLessThanOrEqual(REFERENCE_RANGES.overlap21[1]);
    const a = mean(t.association!);
    expect(a).toBeGreaterThanOrEqual(REFERENCE_RANGES.association[0]);
    expect(a).toBeLessThanOrEqual(REFERENCE_RANGES.association[1]);
  });
});
