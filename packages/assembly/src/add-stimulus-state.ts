import type { Rng } from '@neurite/tensor';
import type { BrainState } from './brain-state.js';
import { GrowableFloat32 } from './growable-float32.js';

/**
 * Adds a stimulus of `size` neurons: each known neuron of every area gets
 * Binomial(size, p) synapses from it (kept as one weight, the count, since
 * the stimulus fires as a whole), with plasticity the area's β.
 * O(Σ w) draws, whatever the size.
 */
export function addStimulusState(state: BrainState, p: number, rng: Rng, name: string, size: number): void {
  const s = state.stimuli.length;
  state.stimuli.push({ name, size });
  for (const a of state.areas) {
    a.betaFromStim[s] = a.beta;
    const v = new GrowableFloat32(Math.max(16, a.w));
    for (let i = 0; i < a.w; i++) v.push(rng.binomial(size, p));
    a.stimWeights[s] = v;
  }
}
