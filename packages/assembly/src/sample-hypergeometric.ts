import type { Rng } from '@neurite/tensor';
import { logFactorial } from './log-factorial.js';

// Stadlober's constants: 2·sqrt(2/e) and 3 − 2·sqrt(3/e).
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;

/**
 * Hypergeometric(draws, good, total): the number of "good" items among `draws`
 * items drawn without replacement from `total` items of which `good` are good.
 * P(X = x) = C(good, x)·C(total − good, draws − x) / C(total, draws).
 * Exact for any safe integers 0 <= good, draws <= total <= 2^53 − 1, O(1)
 * expected time: numpy's algorithm (random_hypergeometric in
 * numpy/random/src/distributions), i.e. the ratio-of-uniforms method HRUA of
 * Stadlober (1989, 1990) when 10 <= draws <= total − 10, else draws simulated
 * one by one (at most 10 uniform draws). Arguments are not checked.
 */
export function sampleHypergeometric(rng: Rng, draws: number, good: number, total: number): number {
  if (draws === 0 || good === 0) return 0;
  if (good === total) return draws;
  if (draws === total) return good;
  const bad = total - good;
  if (draws >= 10 && draws <= total - 10) return hrua(rng, good, bad, draws);
  return bySimulation(rng, good, bad, draws);
}

function bySimulation(rng: Rng, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const computed = sample > total / 2 ? total - sample : sample;
  let remTotal = total, remGood = good, s = computed;
  while (s > 0 && remGood > 0 && remTotal > remGood) {
    // a uniform item among the remaining remTotal: good with probability remGood/remTotal
    if (rng.uniformInt(remTotal) < remGood) remGood--;
    remTotal--;
    s--;
  }
  if (remTotal === remGood) remGood -= s; // only good items are left
  return sample > total / 2 ? remGood : good - remGood;
}

function hrua(rng: Rng, good: number, bad: number, sample: number): number {
  const popsize = good + bad;
  const computed = Math.min(sample, popsize - sample);
  const minGB = Math.min(good, bad), maxGB = Math.max(good, bad);
  const p = minGB / popsize, q = maxGB / popsize;
  const mu = computed * p;
  const a = mu + 0.5;
  const variance = ((popsize - computed) * computed * p * q) / (popsize - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const m = Math.floor(((computed + 1) * (minGB + 1)) / (popsize + 2));
  const g = logFactorial(m) + logFactorial(minGB - m) + logFactorial(computed - m) + logFactorial(maxGB - computed + m);
  // upper bound: the support's end, or 16 standard deviations above the mean
  const b = Math.min(Math.min(computed, minGB) + 1, Math.floor(a + 16 * c));
  let K: number;
  for (;;) {
    const U = rng.uniform(), V = rng.uniform();
    if (U === 0) continue;
    const X = a + (h * (V - 0.5)) / U;
    if (X < 0 || X >= b) continue;
    K = Math.floor(X);
    const T = g - (logFactorial(K) + logFactorial(minGB - K) + logFactorial(computed - K) + logFactorial(maxGB - computed + K));
    if (U * (4 - U) - 3 <= T) break; // fast acceptance
    if (U * (U - T) >= 1) continue; // fast rejection
    if (2 * Math.log(U) <= T) break;
  }
  if (good > bad) K = computed - K; // K counted the bad items
  if (computed < sample) K = good - K; // K counted the items not drawn
  return K;
}
