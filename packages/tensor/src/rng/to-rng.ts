import type { NeuriteErrorClass } from '../neurite-error.js';
import { TensorError } from '../tensor-error.js';
import { createRng } from './create-rng.js';
import type { Rng } from './rng.js';

/** A seed (safe integer, bigint or string, see `createRng`) or a generator to draw from. */
export type SeedOrRng = number | bigint | string | Rng;

/** true when `x` is a generator (has the `Rng` methods), false for a seed or anything else. */
export function isRng(x: unknown): x is Rng {
  return typeof x === 'object' && x !== null && typeof (x as Rng).nextUint32 === 'function' && typeof (x as Rng).uniform === 'function';
}

/**
 * The generator for `seed`: `createRng(seed)` for a seed, the generator itself
 * for an `Rng` (so draws continue its stream). Every stochastic function of
 * every Neurite package takes a `SeedOrRng` and calls this once.
 * @param name the argument's name in the error message (default `"seed"`).
 * @param Err the error class to throw (default `TensorError`), code `ERR_INVALID_ARGUMENT`.
 */
export function toRng(seed: SeedOrRng, name = 'seed', Err: NeuriteErrorClass = TensorError): Rng {
  if (isRng(seed)) return seed;
  if (typeof seed === 'number' || typeof seed === 'bigint' || typeof seed === 'string') {
    try {
      return createRng(seed);
    } catch (e) {
      throw new Err(name, e instanceof Error ? e.message : String(e), { cause: e });
    }
  }
  throw new Err(
    name,
    `${name} must be a seed (safe integer, bigint or string) or an Rng from @neurite/tensor, got ${seed === null ? 'null' : typeof seed}`,
  );
}
