import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { projectStimulus } from './project-stimulus.js';
import { roundsToStable } from './rounds-to-stable.js';
import { checkInt } from './validators.js';

export interface ProjectionOptions extends SimulationOptions {
  /** Rounds in all (the first is stimulus only, brain.py's project_sim). */
  rounds: number;
  /** Simulate the area explicitly (all n neurons) instead of lazily. */
  explicit?: boolean;
}

/** What {@link simulateProjection} measures. */
export interface ProjectionResult {
  /** Support (neurons ever fired) after each round. */
  support: number[];
  /** First-time winners in each round. */
  newWinners: number[];
  /** |winners(round 2) ∩ winners(round 1)| / k. */
  overlap21: number;
  /** First round (1-based) with no new winner, or -1 if every round recruited. */
  firstQuietRound: number;
  /**
   * Rounds until no new winner: the number of rounds before the first run of
   * 3 consecutive rounds without a new winner (the support has stopped
   * growing), or -1 if that never happens within `rounds`.
   */
  roundsToStable: number;
  /** Winners after the last round. */
  winners: Int32Array;
}

/**
 * Projection (brain.py's project_sim): a stimulus of k neurons fires into
 * area A once, then `rounds - 1` times together with A's recurrent fibre
 * A → A. With plasticity the winners converge to a stable assembly: the
 * support stops growing.
 */
export function simulateProjection(o: ProjectionOptions): ProjectionResult {
  const b = simulationBrain('simulateProjection', o);
  checkInt('simulateProjection', 'rounds', o.rounds, 1);
  b.addStimulus('stim', o.k);
  if (o.explicit) b.addExplicitArea('A', o.n, o.k, o.beta);
  else b.addArea('A', o.n, o.k, o.beta);
  const newWinners: number[] = [];
  let first: Int32Array | null = null;
  let overlap21 = NaN;
  let firstQuietRound = -1;
  let prevSupport = 0;
  for (let t = 1; t <= o.rounds; t++) {
    projectStimulus(b, 'stim', 'A', 1); // round 1: stimulus only; then with A → A
    const s = b.support('A');
    newWinners.push(s - prevSupport);
    prevSupport = s;
    if (t === 1) first = b.winners('A');
    if (t === 2 && first) overlap21 = overlap(first, b.winners('A')) / o.k;
    if (firstQuietRound < 0 && t > 1 && newWinners[t - 1] === 0) firstQuietRound = t;
  }
  return {
    support: b.supportHistory('A'),
    newWinners,
    overlap21,
    firstQuietRound,
    roundsToStable: roundsToStable(newWinners),
    winners: b.winners('A'),
  };
}
