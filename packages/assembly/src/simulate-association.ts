import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { checkInt } from './validators.js';

export interface AssociationOptions extends SimulationOptions {
  /** Rounds of joint firing (brain.py's overlap_iter, default 10). */
  jointRounds?: number;
}

/** What {@link simulateAssociation} measures: overlaps of C's assemblies, in neurons. */
export interface AssociationResult {
  /** Overlap (neurons) of C's assembly for A and for B before association. */
  before: number;
  /** Overlap of the assembly formed under joint firing with A's and B's. */
  jointWithA: number;
  /** Overlap of the joint assembly with B's assembly in C. */
  jointWithB: number;
  /** Overlap of A's assembly in C with the one B projects after association. */
  after: number;
  /** Winners per round, for turning overlaps into fractions. */
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
  type Fibres = Record<string, string[]>;
  // one round with `first`, then rounds − 1 with `rest` (the same stimuli firing)
  const fire = (stims: Fibres, first: Fibres, rest: Fibres, rounds: number): Int32Array => {
    b.project(stims, first);
    for (let i = 0; i < rounds - 1; i++) b.project(stims, rest);
    return b.winners('C');
  };
  fire({ stimA: ['A'], stimB: ['B'] }, {}, { A: ['A'], B: ['B'] }, 10);
  const cFromA = fire({ stimA: ['A'] }, { A: ['A', 'C'] }, { A: ['A', 'C'], C: ['C'] }, 10);
  const cFromB = fire({ stimB: ['B'] }, { B: ['B', 'C'] }, { B: ['B', 'C'], C: ['C'] }, 10);
  const cJoint = fire({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'] }, { A: ['A', 'C'], B: ['B', 'C'], C: ['C'] }, joint);
  const cAfter = fire({ stimB: ['B'] }, { B: ['B', 'C'] }, { B: ['B', 'C'], C: ['C'] }, 10);
  return {
    before: overlap(cFromA, cFromB),
    jointWithA: overlap(cFromA, cJoint),
    jointWithB: overlap(cFromB, cJoint),
    after: overlap(cFromA, cAfter),
    k,
  };
}
