import { describe, it, expect } from 'vitest';
import { simulateAssociation, simulateProjection, type TailSampler } from '../src/index.js';
import { binomialLogPmf } from '../src/binomial-tail.js';
import { ExplicitReference } from './explicit-reference.js';

// The lazy Brain against an explicit simulation of all n neurons (the
// reference in explicit-reference.ts, independent of Brain), at a size that
// runs in seconds: n = 1e4, k = 100, p = 0.05, β = 0.1 (chance overlap of two
// random k-sets: k²/n = 1 neuron).
const n = 10000,
  k = 100,
  p = 0.05,
  beta = 0.1;
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const se = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1) / a.length);
};
const ov = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  const s = new Set(Array.from(a));
  return Array.from(b).filter((x) => s.has(x)).length;
};

/** brain.py's association_sim sequence on the explicit reference. */
function explicitAssociation(seed: number) {
  const b = new ExplicitReference(p, 5000 + seed);
  b.addStimulus('stimA', k).addArea('A', n, k, beta).addStimulus('stimB', k).addArea('B', n, k, beta).addArea('C', n, k, beta);
  const ten = (st: Record<string, string[]>, first: Record<string, string[]>, rest: Record<string, string[]>) => {
    b.project(st, first);
    for (let i = 0; i < 9; i++) b.project(st, rest);
  };
  ten({ stimA: ['A'], stimB: ['B'] }, {}, { A: ['A'], B: ['B'] });
  ten({ stimA: ['A'] }, { A: ['A', 'C'] }, { A: ['A', 'C'], C: ['C'] });
  const cA = b.winners('C');
  ten({ stimB: ['B'] }, { B: ['B', 'C'] }, { B: ['B', 'C'], C: ['C'] });
  const cB = b.winners('C');
  ten({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'] }, { A: ['A', 'C'], B: ['B', 'C'], C: ['C'] });
  const cJ = b.winners('C');
  ten({ stimB: ['B'] }, { B: ['B', 'C'] }, { B: ['B', 'C'], C: ['C'] });
  return { before: ov(cA, cB), jointWithA: ov(cA, cJ), jointWithB: ov(cB, cJ), after: ov(cA, b.winners('C')) };
}

describe('explicit reference simulation', () => {
  it('round 1 recruits the top k of n Binomial(k, p) stimulus counts (closed form for their mean)', () => {
    // Exact: Σ of the top k of n iid X = Σ_v min(B_v, k), B_v = #{i: X_i > v} ~ Binomial(n, q_v),
    // q_v = P(X > v); so E[mean of the top k] = (1/k) Σ_v E[min(B_v, k)],
    // E[min(B, k)] = k − Σ_{j<k} (k − j) P(B = j).
    const pmf = Array.from({ length: k + 1 }, (_, v) => Math.exp(binomialLogPmf(k, p, v)));
    let expected = 0,
      q = 1 - pmf[0];
    for (let v = 0; v < k && q > 1e-300; v++) {
      let short = 0;
      for (let j = 0; j < k; j++) short += (k - j) * Math.exp(binomialLogPmf(n, q, j));
      expected += k - short;
      q -= pmf[v + 1];
    }
    expected /= k;
    const means: number[] = [];
    for (const seed of SEEDS) {
      const r = new ExplicitReference(p, seed);
      r.addStimulus('s', k).addArea('A', n, k, 0);
      r.project({ s: ['A'] }, {});
      means.push(r.lastWinnerInputMean('A'));
    }
    // within 4 standard errors of the mean over the seeds
    expect(Math.abs(mean(means) - expected), `${mean(means)} vs ${expected}`).toBeLessThan(4 * se(means));
  });

  it('association: the lazy Brain (both samplers) and the explicit simulation agree (20 seeds each)', () => {
    const expl = SEEDS.map(explicitAssociation);
    for (const sampler of ['reference', 'exact'] as TailSampler[]) {
      const lazy = SEEDS.map((seed) => simulateAssociation({ n, k, p, beta, seed, sampler }));
      for (const key of ['before', 'jointWithA', 'jointWithB', 'after'] as const) {
        const a = lazy.map((r) => r[key]),
          e = expl.map((r) => r[key]);
        // means within 4 standard errors of their difference, + 1 neuron: the counts are integers, and
        // where nearly every seed gives the same small count (the 'before' overlap, 0–2 neurons) the
        // sample standard error understates the spread by up to that resolution
        expect(Math.abs(mean(a) - mean(e)), `${sampler} ${key}: lazy ${mean(a)} vs explicit ${mean(e)}`).toBeLessThan(
          4 * Math.hypot(se(a), se(e)) + 1,
        );
      }
    }
    // and both show association: far above chance (1 neuron) after, disjoint before
    expect(mean(expl.map((r) => r.after))).toBeGreaterThan(5);
    expect(mean(expl.map((r) => r.before))).toBeLessThan(3);
  });

  it('projection: the lazy model recruits more neurons than the explicit one (documented bias, 5–35%)', () => {
    // A never-fired neuron's input is drawn afresh each round in the lazy model;
    // explicitly, its stimulus synapses are fixed and it has lost every earlier
    // round, so fewer outsiders win and the support stays smaller.
    const expl = SEEDS.map((seed) => {
      const b = new ExplicitReference(p, 6000 + seed);
      b.addStimulus('s', k).addArea('A', n, k, beta);
      b.project({ s: ['A'] }, {});
      for (let t = 1; t < 20; t++) b.project({ s: ['A'] }, { A: ['A'] });
      return b.support('A');
    });
    for (const sampler of ['reference', 'exact'] as TailSampler[]) {
      const lazy = SEEDS.map((seed) => simulateProjection({ n, k, p, beta, rounds: 20, seed, sampler }).support[19]);
      const ratio = mean(lazy) / mean(expl);
      const sdRatio = ratio * Math.hypot(se(lazy) / mean(lazy), se(expl) / mean(expl));
      expect(ratio - 4 * sdRatio, sampler).toBeGreaterThan(1);
      expect(ratio, sampler).toBeGreaterThan(1.05);
      expect(ratio, sampler).toBeLessThan(1.35);
    }
  });
});
