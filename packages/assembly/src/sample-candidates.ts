import type { Rng } from '@neurite/tensor';
import type { AreaState, BrainParams, RoundScratch } from './brain-state.js';
import { selectScratch } from './brain-state.js';
import { kthLargest } from './k-cap.js';
import { sampleTailExact, sampleTailReference } from './binomial-tail.js';

/**
 * Step 2 of a round of lazy area T: the best inputs among its N = n − w
 * never-fired neurons, each Binomial(K, p) with K = totalK firing neurons.
 * Writes them into scratch.inputs[w, w + nc) (the known neurons' inputs are
 * in [0, w)) and returns nc:
 * - 0 when every neuron is known, or when the k-th best known input already
 *   reaches K (no candidate can win: ties go to known neurons);
 * - all N when N <= 2k (drawn exactly);
 * - else k, the k best of the N inputs from the tail sampler (params.sampler).
 */
export function sampleCandidates(params: BrainParams, rng: Rng, scratch: RoundScratch, T: AreaState, totalK: number): number {
  const p = params.p,
    k = T.k,
    w0 = T.w,
    inputs = scratch.inputs;
  const effN = T.n - w0;
  if (effN <= 0) return 0;
  if (w0 >= k && kthLargest(inputs, w0, k, selectScratch(scratch, w0)) >= totalK) return 0;
  if (effN <= 2 * k) {
    for (let i = 0; i < effN; i++) inputs[w0 + i] = rng.binomial(totalK, p);
    return effN;
  }
  const tail = inputs.subarray(w0, w0 + k); // the caller sized inputs for w + k
  if (params.sampler === 'exact') sampleTailExact(rng, totalK, p, effN, k, tail);
  else sampleTailReference(rng, totalK, p, effN, k, tail);
  return k;
}
