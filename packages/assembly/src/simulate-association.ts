import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { checkInt } from './validators.js';

export interface AssociationOptions extends SimulationOptions {
  /** Rounds of joint firing (brain.py's overlap_iter, default 10). */
  jointRounds?: number;
}

export interface AssociationResult {
  /** Overlap (neurons) of C's assembly for A and for B before association. */
  before: number;
  /** Overlap of the assembly formed under joint firing with A's and B's. */
  jointWithA: number;
  jointWithB: number;
  /** Overlap of A's assembly in C with the one B projects after association. */
  after: number;
  k: number;
}

/**
 * Association (brain.py's associate / association_sim): assemblies in A and B
 * (each from its stimulus) are projected into C separately, then together,
 * then B alone again. After joint firing, B's projection into C shares
 * neurons with A's: the two assemblies have become associated.
 */
export function simulateAssociation(o: AssociationOptions): AssociationResult {
  const b = simulationBrain('simulateAssociation', o);
  const { n, k, beta } = o;
  const joint = checkInt('simulateAssociation', 'jointRounds', o.jointRounds ?? 10, 1);
  b.addStimulus('stimA', k).addArea('A', n, k, beta).addStimulus('stimB', k).addArea('B', n, k, beta).addArea('C', n, k, beta);
  b.project({ stimA: ['A'], stimB: ['B'] }, {});
  for (let i = 0; i < 9; i++) b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A'], B: ['B'] });
  b.project({ stimA: ['A'] }, { A: ['A', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ['A'] }, { A: ['A', 'C'], C: ['C'] });
  const cFromA = b.winners('C');
  b.project({ stimB: ['B'] }, { B: ['B', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ['B'] }, { B: ['B', 'C'], C: ['C'] });
  const cFromB = b.winners('C');
  b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'] });
  for (let i = 0; i < joint - 1; i++) b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'], C: ['C'] });
  const cJoint = b.winners('C');
  b.project({ stimB: ['B'] }, { B: ['B', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ['B'] }, { B: ['B', 'C'], C: ['C'] });
  const cAfter = b.winners('C');
  return {
    before: overlap(cFromA, cFromB),
    jointWithA: overlap(cFromA, cJoint),
    jointWithB: overlap(cFromB, cJoint),
    after: overlap(cFromA, cAfter),
    k,
  };
}
