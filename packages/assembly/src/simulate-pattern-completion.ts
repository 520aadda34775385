import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { projectStimulus } from './project-stimulus.js';
import { checkInt, checkProb } from './validators.js';

export interface PatternCompletionOptions extends SimulationOptions {
  /** Rounds used to form the assembly (stimulus + recurrence). */
  projectRounds: number;
  /** Fraction of the assembly fired as the cue (0, 1]. */
  alpha: number;
  /** Recurrent rounds A → A after the cue. */
  completionRounds: number;
}

/** What {@link simulatePatternCompletion} measures. */
export interface PatternCompletionResult {
  /** Overlap (fraction of k) of the completed winners with the assembly after each completion round. */
  recovered: number[];
  /** Neurons of the assembly that fire as the cue (⌊k·α⌋, at least 1). */
  cueSize: number;
}

/**
 * Pattern completion (brain.py's pattern_com): after an assembly forms, a
 * random fraction α of it fires alone through the recurrent fibre A → A; the
 * k-cap recruits the rest of the assembly.
 */
export function simulatePatternCompletion(o: PatternCompletionOptions): PatternCompletionResult {
  const b = simulationBrain('simulatePatternCompletion', o);
  checkInt('simulatePatternCompletion', 'projectRounds', o.projectRounds, 1);
  checkProb('simulatePatternCompletion', 'alpha', o.alpha, true);
  checkInt('simulatePatternCompletion', 'completionRounds', o.completionRounds, 0);
  b.addStimulus('stim', o.k).addArea('A', o.n, o.k, o.beta);
  projectStimulus(b, 'stim', 'A', o.projectRounds);
  const assembly = b.winners('A');
  const cueSize = Math.max(1, Math.floor(o.k * o.alpha));
  // the cue: a random subset of the assembly, drawn with the brain's generator
  const pick = b.rng.sampleWithoutReplacement(assembly.length, cueSize);
  b.setWinners(
    'A',
    Array.from(pick, (i) => assembly[i]),
  );
  const recovered: number[] = [];
  for (let i = 0; i < o.completionRounds; i++) {
    b.project({}, { A: ['A'] });
    recovered.push(overlap(b.winners('A'), assembly) / o.k);
  }
  return { recovered, cueSize };
}
