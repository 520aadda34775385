import { simulationBrain, type SimulationOptions } from './simulation-options.js';
import { overlap } from './overlap.js';
import { projectStimulus } from './project-stimulus.js';
import { checkInt } from './validators.js';

export interface SequenceOptions extends SimulationOptions {
  /** Number of elements (stimuli) in the sequence. */
  length: number;
  /** Presentations of the whole sequence during training. */
  epochs: number;
}

/** What {@link simulateSequence} measures. */
export interface SequenceResult {
  /** recall[i]: overlap (fraction of k) of the i-th recalled state with the assembly of element i. */
  recall: number[];
}

/**
 * Sequence memorisation (Dabagia, Papadimitriou, Vempala, "Computation with
 * sequences of assemblies", 2023): stimuli x₁ … x_L fire into area A one
 * after the other, with the recurrent fibre A → A, for several epochs; the
 * plasticity of A → A links each element's assembly to the next. Recall: x₁
 * fires once, then A runs on its own (A → A only) and replays the sequence.
 */
export function simulateSequence(o: SequenceOptions): SequenceResult {
  const b = simulationBrain('simulateSequence', o);
  checkInt('simulateSequence', 'length', o.length, 1);
  checkInt('simulateSequence', 'epochs', o.epochs, 1);
  const names = Array.from({ length: o.length }, (_, i) => `x${i}`);
  for (const s of names) b.addStimulus(s, o.k);
  b.addArea('A', o.n, o.k, o.beta);
  const assemblies: Int32Array[] = [];
  for (let e = 0; e < o.epochs; e++) {
    for (let i = 0; i < o.length; i++) {
      projectStimulus(b, names[i], 'A', 1); // with A → A once A has an assembly
      assemblies[i] = b.winners('A');
    }
  }
  b.plasticity = false;
  b.clearWinners('A');
  b.project({ [names[0]]: ['A'] }, {});
  const recall = [overlap(b.winners('A'), assemblies[0]) / o.k];
  for (let i = 1; i < o.length; i++) {
    b.project({}, { A: ['A'] });
    recall.push(overlap(b.winners('A'), assemblies[i]) / o.k);
  }
  return { recall };
}
