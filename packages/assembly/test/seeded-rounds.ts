/**
 * Seeded Brain rounds whose winners must be bit-identical on every JavaScript
 * engine: run in Node by seeded-rounds.test.ts (against a committed fixture) and
 * in headless Chromium by browser.test.ts (against Node). Browser-safe: imports
 * only the package's public API.
 *
 * The scenarios cover every engine-dependent step the lazy Brain had: the
 * binomial tail quantile (both samplers), the multivariate hypergeometric input
 * split over several firing blocks (small blocks: item-by-item draws; a 1e9-neuron
 * stimulus: HRUA on a population of ~1e9), recurrent and inter-area projection,
 * and an explicit area (randomCSR synapses).
 */
import { Brain } from '../src/index.js';

/** Per scenario: the winners of each area after each round (area name -> rounds -> neuron indices). */
export type SeededRounds = Record<string, Record<string, number[][]>>;

function record(b: Brain, areas: string[], out: Record<string, number[][]>): void {
  for (const a of areas) (out[a] ??= []).push(Array.from(b.winners(a)));
}

export function seededRounds(): SeededRounds {
  const result: SeededRounds = {};

  // Lazy projection, brain.py's sizes, both tail samplers.
  for (const sampler of ['reference', 'exact'] as const) {
    const out: Record<string, number[][]> = {};
    const b = new Brain(0.01, `seeded rounds ${sampler}`, { sampler });
    b.addStimulus('s', 317).addArea('A', 100_000, 317, 0.05);
    b.project({ s: ['A'] }, {});
    record(b, ['A'], out);
    for (let r = 0; r < 6; r++) {
      b.project({ s: ['A'] }, { A: ['A'] });
      record(b, ['A'], out);
    }
    result[`projection, ${sampler}`] = out;
  }

  // Two stimuli (one of 1e9 neurons) into A, A ↔ B, B recurrent: input split over 2–4 blocks.
  {
    const out: Record<string, number[][]> = {};
    const b = new Brain(0.02, 'seeded rounds blocks', { sampler: 'exact' });
    b.addStimulus('big', 1e9).addStimulus('small', 500).addArea('A', 1e7, 200, 0.1).addArea('B', 50_000, 150, 0.1);
    b.project({ big: ['A'], small: ['A', 'B'] }, {});
    record(b, ['A', 'B'], out);
    for (let r = 0; r < 4; r++) {
      b.project({ big: ['A'], small: ['A', 'B'] }, { A: ['A', 'B'], B: ['B', 'A'] });
      record(b, ['A', 'B'], out);
    }
    result['two stimuli, A ↔ B'] = out;
  }

  // A lazy area projecting into an explicit one.
  {
    const out: Record<string, number[][]> = {};
    const b = new Brain(0.05, 'seeded rounds explicit');
    b.addStimulus('s', 100).addArea('A', 20_000, 100, 0.1).addExplicitArea('E', 2000, 50, 0.1);
    b.project({ s: ['A'] }, {});
    for (let r = 0; r < 4; r++) {
      b.project({ s: ['A'] }, { A: ['A', 'E'] });
      record(b, ['A', 'E'], out);
    }
    result['lazy into explicit'] = out;
  }

  return result;
}
