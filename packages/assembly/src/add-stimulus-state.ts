import type { Rng } from '@neurite/tensor';
import type { BrainState } from './brain-state.js';
import { randomStimulusWeights } from './random-stimulus-weights.js';

/**
 * Adds a stimulus of `size` neurons: each known neuron of every area gets
 * Binomial(size, p) synapses from it (randomStimulusWeights), with plasticity
 * the area's β. O(Σ w) draws, whatever the size.
 */
export function addStimulusState(state: BrainState, p: number, rng: Rng, name: string, size: number): void {
  const s = state.stimuli.length;
  state.stimuli.push({ name, size });
  for (const a of state.areas) {
    a.betaFromStim[s] = a.beta;
    a.stimWeights[s] = randomStimulusWeights(size, p, a.w, rng);
  }
}
