import type { Rng } from './rng.js';
import { detLog } from './det-math.js';

/** Exponential(rate) by inversion: x = -ln(1 - U) / rate, U = uniform() in [0, 1), so 1 - U in (0, 1] and x >= 0 is finite. */
export function exponentialOf(g: Rng, rate: number): number {
  return -detLog(1 - g.uniform()) / rate + 0; // + 0 turns -0 into 0
}
