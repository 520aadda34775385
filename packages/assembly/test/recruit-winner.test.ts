import { describe, it, expect } from 'vitest';
import { Brain } from '../src/index.js';

// A new winner's m synapses from the K firing neurons are a uniform m-subset of
// them, so given m the count from a block of K_b neurons is Hypergeometric(m, K_b, K):
// mean m·q, variance m·q(1−q)(K−m)/(K−1), q = K_b/K. With β = 0 the weights are the counts.
function splitCheck(sizes: [number, number], seeds: number) {
  let dev = 0,
    variance = 0;
  const K = sizes[0] + sizes[1],
    q = sizes[0] / K;
  for (let seed = 0; seed < seeds; seed++) {
    const b = new Brain(0.01, seed).addStimulus('s1', sizes[0]).addStimulus('s2', sizes[1]).addArea('A', 100000, 100, 0);
    b.project({ s1: ['A'], s2: ['A'] }, {});
    const c1 = b.stimulusWeights('s1', 'A'),
      c2 = b.stimulusWeights('s2', 'A');
    for (let j = 0; j < c1.length; j++) {
      const m = c1[j] + c2[j];
      dev += c1[j] - m * q;
      variance += (m * q * (1 - q) * (K - m)) / (K - 1);
    }
  }
  return { dev, sd: Math.sqrt(variance) };
}

describe('recruitWinner', () => {
  it("splits a new winner's input over two stimuli as a multivariate hypergeometric (Σ deviations within 4σ)", () => {
    const { dev, sd } = splitCheck([300, 700], 20);
    expect(Math.abs(dev)).toBeLessThan(4 * sd);
  });

  it('does the same for stimuli of 1e9 and 3e9 neurons, at the cost of a small one', () => {
    const { dev, sd } = splitCheck([1e9, 3e9], 5);
    expect(sd).toBeGreaterThan(0);
    expect(Math.abs(dev)).toBeLessThan(4 * sd);
  });

  it('splits between a stimulus and source winners: stimulus count + synapses from the winners = the input', () => {
    // round 2 (stimulus of k + A's k winners): a neuron recruited then has input
    // m = c_stim + c_A >= α₂ (its candidate input), c_stim ~ Hypergeometric(m, k, 2k).
    const k = 100;
    let dev = 0,
      variance = 0,
      recruits = 0;
    for (let seed = 0; seed < 20; seed++) {
      const b = new Brain(0.01, 100 + seed).addStimulus('s', k).addArea('A', 100000, k, 0);
      b.project({ s: ['A'] }, {});
      const w1 = b.winners('A');
      b.project({ s: ['A'] }, { A: ['A'] });
      const w = b.support('A');
      const stim = b.stimulusWeights('s', 'A');
      const A = b.connectomeDense('A', 'A');
      for (let j = k; j < w; j++) {
        let cA = 0;
        for (const i of w1) cA += A.data[i * A.cols + j];
        const m = stim[j] + cA;
        dev += stim[j] - m / 2;
        variance += (m * 0.25 * (2 * k - m)) / (2 * k - 1);
        recruits++;
      }
    }
    expect(recruits).toBeGreaterThan(100);
    expect(Math.abs(dev)).toBeLessThan(4 * Math.sqrt(variance));
  });
});
