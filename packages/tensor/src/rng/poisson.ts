/**
 * Poisson(lambda) variates, P(k) = lambda^k e^{-lambda} / k!.
 * - lambda < 10: multiplication (Knuth): the number of uniforms whose running
 *   product stays above e^{-lambda};
 * - lambda >= 10: PTRS, transformed rejection with squeeze (Hörmann 1993,
 *   "The transformed rejection method for generating Poisson random variables"),
 *   O(1) expected time; the final test compares ln of the hat with
 *   -lambda + k ln lambda - ln k!.
 */
import type { Rng } from './rng.js';
import { logFactorial } from './log-factorial.js';
import { detExp, detLog } from './det-math.js';

/** e^{-λ} for the last λ < 10, and ln λ, ln(invalpha) for the last λ >= 10: pure functions of λ, so repeated draws skip them. */
let smallLambda = NaN;
let smallLimit = NaN;
let ptrsLambda = NaN;
let ptrsLogLam = NaN;
let ptrsLogInvalpha = NaN;

export function poissonOf(g: Rng, lambda: number): number {
  if (lambda === 0) return 0;
  if (lambda < 10) {
    if (lambda !== smallLambda) {
      smallLambda = lambda;
      smallLimit = detExp(-lambda);
    }
    const limit = smallLimit;
    let k = 0;
    let prod = g.uniform();
    while (prod > limit) {
      k++;
      prod *= g.uniform();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  if (lambda !== ptrsLambda) {
    ptrsLambda = lambda;
    ptrsLogLam = detLog(lambda);
    ptrsLogInvalpha = detLog(invalpha);
  }
  const loglam = ptrsLogLam;
  const logInvalpha = ptrsLogInvalpha;
  for (;;) {
    const u = g.uniform() - 0.5;
    const v = g.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (detLog(v) + logInvalpha - detLog(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}
