import type { Rng } from './rng.js';
import { detLog, detLog1p } from './det-math.js';

/** ln(1 - p) of the last p (a pure function of p: repeated draws with one p skip the log). */
let lastP = NaN;
let lastLogQ = NaN;

/**
 * Geometric(p) failures before the first success, P(k) = (1-p)^k p, by
 * inversion: k = floor(ln(1 - U) / ln(1 - p)), since P(k >= j) = (1-p)^j.
 * O(1) for every p in (0, 1]; ln(1 - p) via log1p keeps small p exact.
 */
export function geometricOf(g: Rng, p: number): number {
  if (p === 1) return 0;
  if (p !== lastP) {
    lastP = p;
    lastLogQ = detLog1p(-p);
  }
  return Math.floor(detLog(1 - g.uniform()) / lastLogQ) + 0;
}
