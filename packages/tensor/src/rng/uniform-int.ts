import type { Rng } from './rng.js';
import { mulHi32 } from './uint32-math.js';

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

/**
 * Unbiased integer in [0, n) for an integer 1 <= n <= 2^53 (the caller validates n).
 * n <= 2^32: Lemire (2019) multiply-and-reject: x·n = hi·2^32 + lo with x a
 * uniform uint32; resample while lo < (2^32 - n) mod n; return hi.
 * n > 2^32: a 53-bit integer r, rejected while r >= 2^53 - (2^53 mod n); return r mod n.
 */
export function uniformIntOf(g: Rng, n: number): number {
  if (n <= TWO32) {
    if (n === TWO32) return g.nextUint32();
    let x = g.nextUint32();
    let lo = Math.imul(x, n) >>> 0;
    if (lo < n) {
      const threshold = (TWO32 - n) % n;
      while (lo < threshold) {
        x = g.nextUint32();
        lo = Math.imul(x, n) >>> 0;
      }
    }
    return mulHi32(x, n);
  }
  const limit = TWO53 - (TWO53 % n);
  for (;;) {
    const r = (g.nextUint32() >>> 5) * 67108864 + (g.nextUint32() >>> 6);
    if (r < limit) return r % n;
  }
}
