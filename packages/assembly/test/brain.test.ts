import { describe, it, expect } from 'vitest';
import { Brain, AssemblyError, simulateProjection } from '../src/index.js';

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const variance = (a: number[]) => { const m = mean(a); return a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1); };

describe('Brain', () => {
  it('gives identical winners for the same seed and different ones for another seed', () => {
    const run = (seed: number) => simulateProjection({ n: 100000, k: 317, p: 0.01, beta: 0.05, rounds: 10, seed }).winners;
    expect(Array.from(run(3))).toEqual(Array.from(run(3)));
    expect(Array.from(run(3))).not.toEqual(Array.from(run(4)));
  });

  it('recruits k winners in the first round and applies (1 + β) to the stimulus synapses of winners', () => {
    const b = new Brain(0.01, 1);
    b.addStimulus('s', 317).addArea('A', 100000, 317, 0.25);
    b.project({ s: ['A'] }, {});
    expect(b.support('A')).toBe(317);
    expect(b.winners('A').length).toBe(317);
    // each weight = (synapse count) × 1.25 with count an integer >= the binomial quantile
    for (const w of b.stimulusWeights('s', 'A')) expect(Number.isInteger(Math.round(w / 1.25 * 1e4) / 1e4)).toBe(true);
    // support never shrinks; each round adds at most k
    b.project({ s: ['A'] }, { A: ['A'] });
    const h = b.supportHistory('A');
    expect(h[1]).toBeGreaterThanOrEqual(h[0]);
    expect(h[1] - h[0]).toBeLessThanOrEqual(317);
    expect(b.areaInfo('A').numNewWinners).toBe(h[1] - h[0]);
  });

  it('draws Bernoulli(p) synapses between recruited neurons: A→A holds ≈ p·w² synapses', () => {
    // with β = 0 nothing but the input split is special; the count of A→A
    // synapses is within 6σ of p·w² (the split only moves counts of winners).
    const p = 0.02;
    const b = new Brain(p, 5, { });
    b.addStimulus('s', 200).addArea('A', 20000, 200, 0);
    b.project({ s: ['A'] }, {});
    const w = b.support('A');
    const dense = b.connectomeDense('A', 'A');
    let nnz = 0;
    for (const v of dense.data) if (v !== 0) nnz++;
    const expected = p * w * w;
    expect(Math.abs(nnz - expected)).toBeLessThan(6 * Math.sqrt(expected));
  });

  it('memory grows with support × k × p, not with n²', () => {
    const b = new Brain(0.001, 2);
    b.addStimulus('s', 1000).addArea('A', 1_000_000, 1000, 0.05);
    b.project({ s: ['A'] }, {});
    for (let i = 0; i < 9; i++) b.project({ s: ['A'] }, { A: ['A'] });
    const w = b.support('A');
    const { synapses, bytes } = b.memory();
    expect(synapses).toBeLessThan(3 * 0.001 * w * w + 10 * w);
    expect(bytes).toBeLessThan(64 * (synapses + w) + 1e6);
  });

  it('fixes, unfixes and activates assemblies; plasticity can be switched off', () => {
    const b = new Brain(0.05, 9);
    b.addStimulus('s', 50).addArea('A', 5000, 50, 0.1).addArea('B', 5000, 50, 0.1);
    b.project({ s: ['A'] }, {});
    const wA = b.winners('A');
    b.fixAssembly('A');
    b.project({ s: ['A'] }, { A: ['A', 'B'] });
    expect(Array.from(b.winners('A'))).toEqual(Array.from(wA));
    b.unfixAssembly('A');
    b.activate('A', 0);
    expect(Array.from(b.winners('A'))).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(b.areaInfo('A').fixed).toBe(true);
    const before = b.connectomeDense('A', 'B').data.slice();
    b.plasticity = false;
    b.project({}, { A: ['B'] });
    const after = b.connectomeDense('A', 'B');
    // no existing synapse changed weight (new columns only)
    for (let r = 0; r < after.rows; r++) for (let c = 0; c < before.length / after.rows; c++) expect(after.data[r * after.cols + c]).toBe(before[r * (before.length / after.rows) + c]);
  });

  it('caps weights at maxWeight', () => {
    const b = new Brain(0.05, 3, { maxWeight: 1.5 });
    b.addStimulus('s', 50).addArea('A', 5000, 50, 1.0);
    b.project({ s: ['A'] }, {});
    for (let i = 0; i < 5; i++) b.project({ s: ['A'] }, { A: ['A'] });
    const d = b.connectomeDense('A', 'A').data;
    expect(Math.max(...d)).toBeLessThanOrEqual(1.5);
    expect(Math.max(...b.stimulusWeights('s', 'A'))).toBeLessThanOrEqual(1.5);
  });

  it("explicit areas take brain.py's custom_inner_p / custom_out_p / custom_in_p (between explicit areas only)", () => {
    const p = 0.01, n = 400;
    const b = new Brain(p, 4);
    b.addArea('L', 10000, 20, 0.1).addStimulus('s', 20);
    b.project({ s: ['L'] }, {});
    b.addExplicitArea('E', n, 20, 0.1);
    b.addExplicitArea('F', n, 20, 0.1, { innerP: 0.2, outP: 0.1, inP: 0.05 });
    const density = (from: string, to: string) => {
      const d = b.connectomeDense(from, to);
      let nnz = 0;
      for (const v of d.data) if (v !== 0) nnz++;
      return { nnz, cells: d.rows * d.cols };
    };
    // each count within 6 binomial standard deviations of cells · q
    for (const [from, to, q] of [['F', 'F', 0.2], ['F', 'E', 0.1], ['E', 'F', 0.05], ['E', 'E', p], ['F', 'L', p], ['L', 'F', p]] as const) {
      const { nnz, cells } = density(from, to);
      expect(Math.abs(nnz - cells * q), `${from} → ${to}`).toBeLessThan(6 * Math.sqrt(cells * q * (1 - q)) + 1);
    }
    expect(() => b.addExplicitArea('G', 10, 1, 0, { innerP: 1.5 })).toThrow(/area "G" innerP must be a probability/);
    expect(b.addExplicitArea('H', 10, 1, 0, { innerP: 0 }).connectomeDense('H', 'H').data.every((v) => v === 0)).toBe(true);
  });

  it('rejects bad input with AssemblyError naming it', () => {
    expect(() => new Brain(0)).toThrow(/p must be in \(0, 1\]/);
    expect(() => new Brain(1.5)).toThrow(AssemblyError);
    const b = new Brain(0.01);
    expect(() => b.addArea('A', 10, 11, 0.1)).toThrow(/"A": k = 11 exceeds n = 10/);
    b.addArea('A', 1000, 10, 0.1).addStimulus('s', 10);
    expect(() => b.project({ t: ['A'] }, {})).toThrow(/unknown stimulus "t"/);
    expect(() => b.project({ s: ['Z'] }, {})).toThrow(/unknown target area "Z"/);
    expect(() => b.project({}, { A: ['A'] })).toThrow(/cannot project from area "A": it has no winners/);
    expect(() => b.fixAssembly('A')).toThrow(/no assembly/);
    expect(() => b.addArea('A', 10, 1, 0)).toThrow(/already exists/);
    expect(() => b.addArea('B', 10, 1, -1)).toThrow(/beta/);
  });

  it('explicit areas: lazy (exact sampler) and explicit simulations have the same statistics', () => {
    // projection with n = 4000, k = 60, p = 0.05, β = 0.1 over 16 seeds each:
    // support after 8 rounds and round-2/round-1 overlap agree within 4 standard errors.
    const o = { n: 4000, k: 60, p: 0.05, beta: 0.1, rounds: 8 };
    const lazy = { s: [] as number[], o: [] as number[] }, expl = { s: [] as number[], o: [] as number[] };
    for (let seed = 0; seed < 16; seed++) {
      const a = simulateProjection({ ...o, seed, sampler: 'exact' });
      lazy.s.push(a.support[7]); lazy.o.push(a.overlap21);
      const e = simulateProjection({ ...o, seed: 1000 + seed, explicit: true });
      expl.s.push(e.support[7]); expl.o.push(e.overlap21);
    }
    const se = (x: number[], y: number[]) => Math.sqrt(variance(x) / x.length + variance(y) / y.length);
    expect(Math.abs(mean(lazy.s) - mean(expl.s))).toBeLessThan(4 * se(lazy.s, expl.s) + 1);
    expect(Math.abs(mean(lazy.o) - mean(expl.o))).toBeLessThan(4 * se(lazy.o, expl.o) + 0.01);
  });
});
