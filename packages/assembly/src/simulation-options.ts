import type { SeedOrRng } from '@neurite/tensor';
import { Brain, type TailSampler } from './brain.js';
import { AssemblyError } from './assembly-error.js';
import { checkInt, checkPositive, checkProb } from './validators.js';

/**
 * The parameters every simulate* experiment takes: areas of n neurons of
 * which the k with the largest input fire, synapses of probability p, and
 * Hebbian plasticity β.
 */
export interface SimulationOptions {
  /** Neurons per area. */
  n: number;
  /** Winners per round (the k-cap). */
  k: number;
  /** Synapse probability. */
  p: number;
  /** Plasticity: a synapse that fires into a winner is multiplied by 1 + β. */
  beta: number;
  /** Seed of the brain's generator, or a generator (default 0). */
  seed?: SeedOrRng;
  /** How lazy areas draw their new winners (BrainOptions.sampler; default 'reference'). */
  sampler?: TailSampler;
}

/**
 * @internal The empty Brain of an experiment `fn`: probability p, seed (default 0), sampler;
 * n, k, p and β checked here (AssemblyError naming the option).
 */
export function simulationBrain(fn: string, o: SimulationOptions): Brain {
  if (o === null || typeof o !== 'object')
    throw new AssemblyError('options', `${fn}: options must be an object {n, k, p, beta, …}, got ${o === null ? 'null' : typeof o}`);
  checkInt(fn, 'n', o.n, 1);
  checkInt(fn, 'k', o.k, 1, o.n);
  checkProb(fn, 'p', o.p, true);
  checkPositive(fn, 'beta', o.beta, true);
  return new Brain(o.p, o.seed ?? 0, { sampler: o.sampler });
}
