import type { Rng } from '@neurite/tensor';

/**
 * Splits the input m of a new winner over the blocks of neurons that fired
 * into its area (block sizes K₁ … K_B, K = ΣKᵦ): the neuron's m synapses from
 * the K firing neurons are a uniformly random m-subset of them, so the counts
 * per block are multivariate hypergeometric, drawn block by block as
 * cᵦ ~ Hypergeometric(good Kᵦ, bad K − Σ_{j<=b} Kⱼ, sample m − Σ_{j<b} cⱼ)
 * (`rng.hypergeometric` of @neurite/tensor: exact, engine-independent). Writes
 * cᵦ into `counts[b]`. Cost O(B), whatever K and m (0 <= m <= K).
 */
export function splitInput(rng: Rng, m: number, blockSizes: ArrayLike<number>, counts: Float64Array): void {
  let total = 0;
  for (let b = 0; b < blockSizes.length; b++) total += blockSizes[b];
  let draws = m;
  for (let b = 0; b < blockSizes.length; b++) {
    const size = blockSizes[b];
    const c = b === blockSizes.length - 1 ? draws : rng.hypergeometric(size, total - size, draws);
    counts[b] = c;
    draws -= c;
    total -= size;
  }
}
