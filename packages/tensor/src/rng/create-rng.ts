import type { Rng } from './rng.js';
import { seedTo64, stateFrom64 } from './seed.js';
import { Xoshiro128StarStar } from './xoshiro128.js';

/**
 * A xoshiro128** generator seeded from a safe integer, a bigint in
 * [-2^63, 2^64) or a string (see seed.ts: the seed becomes a 64-bit value,
 * two splitmix64 outputs of it become the 128-bit state). Same seed -> same
 * numbers, bit for bit, on every backend and platform.
 *
 * @example const rng = createRng(42); const x = rng.normal(); const k = rng.binomial(1e9, 0.3);
 */
export function createRng(seed: number | bigint | string): Rng {
  const [hi, lo] = seedTo64(seed);
  return new Xoshiro128StarStar(stateFrom64(hi, lo));
}
