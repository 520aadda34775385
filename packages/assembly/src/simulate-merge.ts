import type { Brain } from './brain.js';
import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { checkInt } from './validators.js';

export interface MergeOptions extends SimulationOptions {
  /** Rounds of A and B firing together into C. */
  rounds: number;
}

/** What {@link simulateMerge} measures. */
export interface MergeResult {
  /** Support of A after each round. */
  supportA: number[];
  /** Support of B after each round. */
  supportB: number[];
  /** Support of C after each round. */
  supportC: number[];
  /** Winners of C after the last round. */
  winnersC: Int32Array;
  /** The brain after the merge (for further read-outs). */
  brain: Brain;
}

/**
 * Merge (brain.py's merge_sim): assemblies in A and B fire together into C
 * with reciprocal fibres A ↔ C ↔ B; C forms one assembly that represents the
 * pair, and the supports of A, B and C converge.
 */
export function simulateMerge(o: MergeOptions): MergeResult {
  const b = simulationBrain('simulateMerge', o);
  checkInt('simulateMerge', 'rounds', o.rounds, 0);
  const { n, k, beta } = o;
  b.addStimulus('stimA', k).addStimulus('stimB', k).addArea('A', n, k, beta).addArea('B', n, k, beta).addArea('C', n, k, beta);
  b.project({ stimA: ['A'] }, {});
  b.project({ stimB: ['B'] }, {});
  b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'] });
  for (let i = 0; i < o.rounds; i++) b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'], C: ['C', 'A', 'B'] });
  return {
    supportA: b.supportHistory('A'),
    supportB: b.supportHistory('B'),
    supportC: b.supportHistory('C'),
    winnersC: b.winners('C'),
    brain: b,
  };
}
