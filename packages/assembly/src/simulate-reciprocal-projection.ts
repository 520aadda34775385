import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { projectStimulus } from './project-stimulus.js';
import { checkInt } from './validators.js';

export interface ReciprocalProjectionOptions extends SimulationOptions {
  /** Rounds forming the assembly in A from its stimulus. */
  formRounds: number;
  /** Rounds of reciprocal projection A ↔ B (stimulus still firing into A). */
  rounds: number;
}

/** What {@link simulateReciprocalProjection} measures. */
export interface ReciprocalProjectionResult {
  /** Support of B after each reciprocal round. */
  supportB: number[];
  /** Fraction of A's assembly recovered when B's assembly alone fires back into A. */
  recoveredA: number;
  /** Fraction of B's assembly recovered when A's assembly alone fires into B. */
  recoveredB: number;
}

/**
 * Reciprocal projection (Papadimitriou et al. 2020): an assembly in A projects
 * into B while B projects back into A (A ↔ B, both recurrent). Afterwards B's
 * assembly alone recalls A's assembly and vice versa.
 */
export function simulateReciprocalProjection(o: ReciprocalProjectionOptions): ReciprocalProjectionResult {
  const b = simulationBrain('simulateReciprocalProjection', o);
  checkInt('simulateReciprocalProjection', 'formRounds', o.formRounds, 1);
  checkInt('simulateReciprocalProjection', 'rounds', o.rounds, 0);
  const { n, k, beta } = o;
  b.addStimulus('stim', k).addArea('A', n, k, beta).addArea('B', n, k, beta);
  projectStimulus(b, 'stim', 'A', o.formRounds);
  b.project({ stim: ['A'] }, { A: ['A', 'B'] });
  for (let i = 0; i < o.rounds - 1; i++) b.project({ stim: ['A'] }, { A: ['A', 'B'], B: ['A', 'B'] });
  const asmA = b.winners('A'),
    asmB = b.winners('B');
  const supportB = b.supportHistory('B');
  // read-out without learning: B alone -> A, then A alone -> B
  b.plasticity = false;
  b.project({}, { B: ['A'] });
  const recoveredA = overlap(b.winners('A'), asmA) / k;
  b.setWinners('A', asmA);
  b.project({}, { A: ['B'] });
  const recoveredB = overlap(b.winners('B'), asmB) / k;
  return { supportB, recoveredA, recoveredB };
}
