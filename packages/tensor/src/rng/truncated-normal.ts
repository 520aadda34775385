/**
 * Standard normal variates conditioned on a <= z <= b (a < b, either may be
 * infinite), by exact rejection samplers (Robert 1995, "Simulation of truncated
 * normal variables", Statistics and Computing 5):
 * - a >= 0 (interval right of 0; b <= 0 is mirrored): proposal = exponential
 *   with rate α = (a + sqrt(a² + 4))/2 shifted to a and truncated to [a, b]
 *   (inversion: z = a - ln(1 - U(1 - e^{-α(b-a)}))/α); accept with probability
 *   exp(-(z - α)²/2) / exp(-(c - α)²/2), c = clamp(α, a, b). Acceptance
 *   tends to 1 as a grows, so z deep in the tail (a = 6, 20, ...) is cheap;
 * - a < 0 < b with b - a <= sqrt(2π): uniform proposal on [a, b], accept with exp(-z²/2);
 * - a < 0 < b otherwise: draw normals until one falls in [a, b] (acceptance >= 0.49).
 */
import type { Rng } from './rng.js';
import { detExp, detExpm1, detLog1p } from './det-math.js';

const SQRT_2PI = 2.5066282746310002;

/** span = 1 - e^{-α(b-a)} and edc = e^{-(c-α)²/2} of the last (a, b): pure functions of them, so repeated draws skip them. */
let lastA = NaN;
let lastB = NaN;
let lastSpan = NaN;
let lastEdc = NaN;

/** z ~ N(0,1) | a <= z <= b, for 0 <= a < b <= Infinity. */
function rightTail(g: Rng, a: number, b: number): number {
  const alpha = (a + Math.sqrt(a * a + 4)) / 2;
  if (a !== lastA || b !== lastB) {
    const c = alpha < a ? a : alpha > b ? b : alpha;
    const dc = c - alpha;
    lastA = a;
    lastB = b;
    lastSpan = -detExpm1(-alpha * (b - a)); // = 1 when b = ∞
    lastEdc = detExp(-0.5 * dc * dc);
  }
  const span = lastSpan;
  const edc = lastEdc;
  for (;;) {
    const z = a - detLog1p(-g.uniform() * span) / alpha;
    if (z > b) continue; // rounding only
    const d = z - alpha;
    if (g.uniform() * edc <= detExp(-0.5 * d * d)) return z;
  }
}

export function truncatedStdNormalOf(g: Rng, a: number, b: number): number {
  if (a >= 0) return rightTail(g, a, b);
  if (b <= 0) return -rightTail(g, -b, -a);
  if (b - a <= SQRT_2PI) {
    for (;;) {
      const z = a + (b - a) * g.uniform();
      if (g.uniform() <= detExp(-0.5 * z * z)) return z;
    }
  }
  for (;;) {
    const z = g.normal();
    if (z >= a && z <= b) return z;
  }
}
