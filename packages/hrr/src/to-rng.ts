import { createRng, type Rng } from '@neurite/tensor';
import { HrrError } from './hrr-error.js';

/** A seed (number, bigint or string) or a generator from @neurite/tensor. */
export type SeedOrRng = number | bigint | string | Rng;

/** @internal The generator for a seed, or the generator itself. */
export function toRng(seed: SeedOrRng): Rng {
  if (typeof seed === 'number' || typeof seed === 'bigint' || typeof seed === 'string') return createRng(seed);
  if (seed != null && typeof (seed as Rng).nextUint32 === 'function') return seed as Rng;
  throw new HrrError('seed', `expected a seed (number, bigint, string) or an Rng from @neurite/tensor, got ${seed === null ? 'null' : typeof seed}`);
}
