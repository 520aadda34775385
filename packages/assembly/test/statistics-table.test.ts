import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { statisticsTable, mean } from '../src/statistics-table.js';
import { Brain, BRAIN_PY_REFERENCE, overlap, simulateProjection } from '../src/index.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/lazy-projection-reference.json', import.meta.url), 'utf8')) as {
  n: number;
  k: number;
  p: number;
  rounds: number;
  rows: { beta: number; support20: number[]; overlap21: number[] }[];
};
// fixtures/brain_py_round_two.py: closed forms of brain.py's rounds 1 and 2 (scipy only, no simulation).
const roundTwo = JSON.parse(readFileSync(new URL('./fixtures/brain-py-round-two.json', import.meta.url), 'utf8')) as {
  cases: { n: number; k: number; p: number; beta: number; stimulusWeightMean: number; overlap21: number }[];
};
// fixtures/brain_py_statistics.py: brain.py itself (dmitropolsky/assemblies at 81e4297), seeds 0-4.
const brainPy = JSON.parse(readFileSync(new URL('./fixtures/brain-py-statistics.json', import.meta.url), 'utf8')) as {
  commit: string;
  seeds: number[];
  projection: {
    n: number;
    k: number;
    p: number;
    rounds: number;
    rows: { beta: number; support20: number[]; roundsToStable: number[]; firstQuietRound: number[]; overlap21: number[] }[];
  };
  association: { n: number; k: number; p: number; beta: number; after: number[] };
};
const se = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1) / a.length);
};

describe('statistics (n = 1e5, k = 317, p = 0.01)', () => {
  // Rounds 1-2 of project_sim against brain.py's own law in closed form: the
  // round-1 candidates (binomial quantile + rounded truncated normal), the
  // recruited neurons' stimulus synapses = their input, (1 + β) on them, the
  // Bernoulli(p) A → A synapses among recruits, ties to known neurons.
  it("rounds 1-2 match brain.py's closed form: round-1 stimulus weights and round-2/round-1 overlap", () => {
    for (const c of roundTwo.cases) {
      const seeds = c.n >= 1e6 ? 40 : 300;
      const weight: number[] = [],
        ov: number[] = [];
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
      // 4 standard errors of the mean over seeds (+ float32 storage of weights ≈ 10: 2^-24 relative, < 1e-6)
      expect(Math.abs(mean(weight) - c.stimulusWeightMean), `${tag} weight ${mean(weight)} vs ${c.stimulusWeightMean}`).toBeLessThan(
        4 * se(weight) + 1e-6,
      );
      expect(Math.abs(mean(ov) - c.overlap21), `${tag} overlap ${mean(ov)} vs ${c.overlap21}`).toBeLessThan(4 * se(ov));
    }
  });

  // fixtures/lazy_projection_reference.py: an independent numpy/scipy
  // implementation of brain.py's lazy projection (truncated-normal sampler).
  it("sampler 'reference' matches an independent implementation of brain.py's algorithm (40 seeds each)", () => {
    for (const row of fixture.rows) {
      const s20: number[] = [],
        ov: number[] = [];
      for (let seed = 0; seed < 40; seed++) {
        const r = simulateProjection({ n: fixture.n, k: fixture.k, p: fixture.p, beta: row.beta, rounds: 20, seed, sampler: 'reference' });
        s20.push(r.support[19]);
        ov.push(r.overlap21);
      }
      expect(Math.abs(mean(s20) - mean(row.support20)), `β=${row.beta} support: ${mean(s20)} vs ${mean(row.support20)}`).toBeLessThan(
        4 * Math.hypot(se(s20), se(row.support20)),
      );
      expect(Math.abs(mean(ov) - mean(row.overlap21)), `β=${row.beta} overlap: ${mean(ov)} vs ${mean(row.overlap21)}`).toBeLessThan(
        4 * Math.hypot(se(ov), se(row.overlap21)),
      );
    }
  });

  it('BRAIN_PY_REFERENCE is the committed brain.py fixture', () => {
    expect(JSON.parse(JSON.stringify(BRAIN_PY_REFERENCE))).toMatchObject({
      commit: brainPy.commit,
      seeds: brainPy.seeds,
      projection: brainPy.projection,
      association: brainPy.association,
    });
  });

  // The table (10 seeds, default sampler 'reference') against brain.py run on
  // the same experiments (5 seeds, the committed fixture): every mean is
  // compared by a two-sample t test with the pooled standard deviation,
  // |m₁ − m₂| < 4 · s_pooled · √(1/10 + 1/5) (13 degrees of freedom: two-sided
  // p ≈ 0.0015 per comparison when the two simulators have the same law).
  it("table: support, rounds until no new winner, round-2 overlap and association agree with brain.py's (5 seeds)", () => {
    const t = statisticsTable({ association: true });
    expect(t.sampler).toBe('reference');
    expect([t.n, t.k, t.p]).toEqual([brainPy.projection.n, brainPy.projection.k, brainPy.projection.p]);
    const compatible = (ours: number[], ref: number[], what: string) => {
      const ss = (a: number[]) => {
        const m = mean(a);
        return a.reduce((s, x) => s + (x - m) ** 2, 0);
      };
      const pooled = Math.sqrt((ss(ours) + ss(ref)) / (ours.length + ref.length - 2));
      const tol = 4 * pooled * Math.sqrt(1 / ours.length + 1 / ref.length);
      expect(
        Math.abs(mean(ours) - mean(ref)),
        `${what}: ours ${mean(ours).toFixed(3)} vs brain.py ${mean(ref).toFixed(3)} (tolerance ${tol.toFixed(3)})`,
      ).toBeLessThan(tol);
    };
    for (const row of t.projection) {
      const ref = brainPy.projection.rows.find((r) => r.beta === row.beta)!;
      compatible(row.support20, ref.support20, `support after 20 rounds, β=${row.beta}`);
      compatible(row.roundsToStable, ref.roundsToStable, `rounds until no new winner, β=${row.beta}`);
      compatible(row.overlap21, ref.overlap21, `round-2/round-1 overlap, β=${row.beta}`);
    }
    compatible(t.association!, brainPy.association.after, 'association');
  });
});
