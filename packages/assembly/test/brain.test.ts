import { describe, it, expect } from 'vitest';
import { NeuriteError, createRng, type Rng } from '@neurite/tensor';
import { Brain, AssemblyError, DEFAULT_MEMORY_BUDGET, simulateProjection } from '../src/index.js';

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const variance = (a: number[]) => {
  const m = mean(a);
  return a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1);
};
const caught = (f: () => unknown): AssemblyError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AssemblyError) return e;
    throw e;
  }
  throw new Error('expected an AssemblyError');
};
/** An Rng that counts the calls made to it (methods called on the generator object itself). */
const countingRng = (g: Rng, counter: { n: number }): Rng =>
  new Proxy(g, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function'
        ? (...args: unknown[]) => {
            counter.n++;
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          }
        : v;
    },
  });

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
    for (const w of b.stimulusWeights('s', 'A')) expect(Number.isInteger(Math.round((w / 1.25) * 1e4) / 1e4)).toBe(true);
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
    const b = new Brain(p, 5, {});
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
    for (let r = 0; r < after.rows; r++)
      for (let c = 0; c < before.length / after.rows; c++)
        expect(after.data[r * after.cols + c]).toBe(before[r * (before.length / after.rows) + c]);
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
    const p = 0.01,
      n = 400;
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
    for (const [from, to, q] of [
      ['F', 'F', 0.2],
      ['F', 'E', 0.1],
      ['E', 'F', 0.05],
      ['E', 'E', p],
      ['F', 'L', p],
      ['L', 'F', p],
    ] as const) {
      const { nnz, cells } = density(from, to);
      expect(Math.abs(nnz - cells * q), `${from} → ${to}`).toBeLessThan(6 * Math.sqrt(cells * q * (1 - q)) + 1);
    }
    expect(() => b.addExplicitArea('G', 10, 1, 0, { innerP: 1.5 })).toThrow(/addExplicitArea\("G"\): innerP must be in \[0, 1\], got 1.5/);
    expect(
      b
        .addExplicitArea('H', 10, 1, 0, { innerP: 0 })
        .connectomeDense('H', 'H')
        .data.every((v) => v === 0),
    ).toBe(true);
  });

  it('rejects bad input with AssemblyError naming the argument, with a code', () => {
    expect(() => new Brain(0)).toThrow(/Brain: p must be in \(0, 1\], got 0/);
    const e1 = caught(() => new Brain(1.5));
    expect(e1).toBeInstanceOf(AssemblyError);
    expect(e1).toBeInstanceOf(NeuriteError);
    expect([e1.name, e1.argument, e1.code]).toEqual(['AssemblyError', 'p', 'ERR_OUT_OF_RANGE']);
    expect(caught(() => new Brain(0.1, {} as unknown as number)).argument).toBe('seed');
    expect(caught(() => new Brain(0.1, 1.5)).argument).toBe('seed');
    const b = new Brain(0.01);
    expect(() => b.addArea('A', 10, 11, 0.1)).toThrow(/addArea\("A"\): k = 11 exceeds n = 10/);
    b.addArea('A', 1000, 10, 0.1).addStimulus('s', 10);
    expect(() => b.project({ t: ['A'] }, {})).toThrow(/unknown stimulus "t"/);
    expect(() => b.project({ s: ['Z'] }, {})).toThrow(/unknown target area "Z"/);
    const e2 = caught(() => b.project({}, { A: ['A'] }));
    expect(e2.message).toMatch(/cannot project from area "A": it has no winners/);
    expect(e2.code).toBe('ERR_STATE');
    expect(() => b.fixAssembly('A')).toThrow(/no assembly/);
    expect(caught(() => b.addArea('A', 10, 1, 0)).code).toBe('ERR_STATE');
    expect(() => b.addArea('B', 10, 1, -1)).toThrow(/addArea\("B"\): beta must be a finite number >= 0, got -1/);
    expect(caught(() => b.addArea('B', 10, 1, NaN)).code).toBe('ERR_NOT_FINITE');
  });

  it('takes a seed or an Rng of @neurite/tensor (toRng): the same stream gives the same winners', () => {
    const run = (seed: number | string | Rng) => {
      const b = new Brain(0.05, seed).addStimulus('s', 50).addArea('A', 5000, 50, 0.1);
      b.project({ s: ['A'] }, {});
      b.project({ s: ['A'] }, { A: ['A'] });
      return Array.from(b.winners('A'));
    };
    expect(run(createRng(12))).toEqual(run(12));
    expect(run('twelve')).toEqual(run('twelve'));
    expect(run('twelve')).not.toEqual(run(12));
  });

  it('accepts n up to 2^53 − 1 (safe integers) and rejects larger n, k and stimulus sizes', () => {
    const b = new Brain(0.01, 1);
    const e = caught(() => b.addArea('A', 2 ** 53, 10, 0.1));
    expect(e.message).toMatch(/addArea\("A"\): n must be an integer in \[1, 9007199254740991\], got 9007199254740992/);
    expect([e.argument, e.code]).toEqual(['n', 'ERR_OUT_OF_RANGE']);
    expect(() => b.addArea('A', 1e300, 10, 0.1)).toThrow(/n must be an integer/);
    expect(() => b.addStimulus('s', 2 ** 60)).toThrow(/addStimulus\("s"\): size must be an integer in \[1, 9007199254740991\]/);
    expect(() => b.addExplicitArea('E', 2 ** 53 + 2, 1, 0)).toThrow(/n must be an integer/);
    // the largest safe n works: a lazy area stores only the neurons that fire
    b.addArea('A', Number.MAX_SAFE_INTEGER, 50, 0.1).addStimulus('s', 50);
    b.project({ s: ['A'] }, {});
    b.project({ s: ['A'] }, { A: ['A'] });
    expect(b.winners('A').length).toBe(50);
    expect(b.support('A')).toBeLessThanOrEqual(100);
  });

  it('setWinners names the bad value and its index', () => {
    const b = new Brain(0.05, 2).addStimulus('s', 20).addArea('A', 1000, 20, 0.1);
    b.project({ s: ['A'] }, {});
    const e = caught(() => b.setWinners('A', [3, NaN]));
    expect(e.message).toMatch(/setWinners\("A"\): winners\[1\] = NaN is not a known neuron \(an integer in \[0, 20\)/);
    expect([e.argument, e.code]).toEqual(['winners[1]', 'ERR_NOT_FINITE']);
    expect(() => b.setWinners('A', [1.5])).toThrow(/winners\[0\] = 1.5 is not a known neuron/);
    expect(() => b.setWinners('A', [0, 20])).toThrow(/winners\[1\] = 20 is not a known neuron/);
    expect(() => b.setWinners('A', [-1])).toThrow(/winners\[0\] = -1/);
    expect(() => b.setWinners('A', ['3'] as unknown as number[])).toThrow(/winners\[0\] = "3"/);
    expect(() => b.setWinners('A', [4, 5, 4])).toThrow(/winners\[2\] = 4 repeats an earlier winner/);
    b.setWinners('A', [7, 3]);
    expect(Array.from(b.winners('A'))).toEqual([7, 3]);
  });

  it('budgets memory before allocating: an explicit area beyond the budget throws ERR_MEMORY naming n', () => {
    // default budget 2 GiB; n = 1e6, p = 0.01 needs ≈ 1e10 synapses (≈ 100 GB)
    const b = new Brain(0.01, 3).addStimulus('s', 10);
    const e = caught(() => b.addExplicitArea('E', 1e6, 100, 0.1));
    expect(e).toBeInstanceOf(AssemblyError);
    expect([e.argument, e.code]).toEqual(['n', 'ERR_MEMORY']);
    expect(e.message).toMatch(
      /addExplicitArea\("E"\): an area of n = 1000000 explicit neurons .* over the memory budget of 2\.00 GiB \(BrainOptions\.memoryBudget\)/,
    );
    expect(DEFAULT_MEMORY_BUDGET).toBe(2 ** 31);
    expect(b.areaNames()).toEqual([]); // nothing was added
    // a smaller budget: 1e4 neurons (1e6 synapses ≈ 10 MB) no longer fit in 4 MB, 1e3 (1e4 synapses) do
    const small = new Brain(0.01, 3, { memoryBudget: 4e6 });
    expect(caught(() => small.addExplicitArea('E', 10000, 100, 0.1)).code).toBe('ERR_MEMORY');
    small.addExplicitArea('E', 1000, 10, 0.1);
    expect(small.memory().bytes).toBeLessThan(4e6);
    expect(() => new Brain(0.01, 0, { memoryBudget: -1 })).toThrow(/memoryBudget must be a finite number > 0/);
    expect(caught(() => new Brain(1e-12, 0, { memoryBudget: 2 ** 60 }).addExplicitArea('E', 2 ** 31, 1, 0)).code).toBe('ERR_OUT_OF_RANGE');
  });

  it('a round costs what the synapses that change cost, not the stimulus size (generator calls counted)', () => {
    // Per new winner, the input is split over the firing blocks by one hypergeometric
    // draw per block (O(1) expected uniforms each) instead of one draw per firing
    // neuron; so a stimulus of 1e9 neurons takes about as many generator calls as one
    // of 1e3 (the tail samplers' rejection loops are O(1) per candidate either way).
    const calls = (size: number) => {
      const counter = { n: 0 };
      const b = new Brain(0.01, countingRng(createRng(5), counter)).addStimulus('s', size).addArea('A', 100000, 100, 0);
      b.project({ s: ['A'] }, {});
      const before = counter.n;
      b.project({ s: ['A'] }, { A: ['A'] });
      return { round2: counter.n - before, support: b.support('A'), k: b.winners('A').length };
    };
    const small = calls(1000),
      huge = calls(1e9);
    expect(huge.k).toBe(100);
    expect(huge.round2).toBeLessThan(2 * small.round2);
  });

  it('explicit areas: lazy (exact sampler) and explicit simulations have the same statistics', () => {
    // projection with n = 4000, k = 60, p = 0.05, β = 0.1 over 16 seeds each:
    // support after 8 rounds and round-2/round-1 overlap agree within 4 standard errors.
    const o = { n: 4000, k: 60, p: 0.05, beta: 0.1, rounds: 8 };
    const lazy = { s: [] as number[], o: [] as number[] },
      expl = { s: [] as number[], o: [] as number[] };
    for (let seed = 0; seed < 16; seed++) {
      const a = simulateProjection({ ...o, seed, sampler: 'exact' });
      lazy.s.push(a.support[7]);
      lazy.o.push(a.overlap21);
      const e = simulateProjection({ ...o, seed: 1000 + seed, explicit: true });
      expl.s.push(e.support[7]);
      expl.o.push(e.overlap21);
    }
    const se = (x: number[], y: number[]) => Math.sqrt(variance(x) / x.length + variance(y) / y.length);
    // 4 standard errors of the difference of means, + the resolution of one neuron (supports are integers, overlaps multiples of 1/k)
    expect(Math.abs(mean(lazy.s) - mean(expl.s))).toBeLessThan(4 * se(lazy.s, expl.s) + 1);
    expect(Math.abs(mean(lazy.o) - mean(expl.o))).toBeLessThan(4 * se(lazy.o, expl.o) + 1 / o.k);
  });
});
