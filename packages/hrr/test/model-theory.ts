import type { Vsa } from '../src/index.js';

/**
 * Mean and variance of the similarity of two independent random elements of each model (theory):
 * hrr, map, vtb, tvtb: cosine of independent isotropic vectors, mean 0, variance 1/D;
 * bsc: 1 − 2h/D with h ~ Binomial(D, ½): mean 0, variance 1/D;
 * fhrr, mcr (q ≥ 3): mean of D i.i.d. cos of a uniform phase: mean 0, variance 1/(2D);
 * cgr: (matches)/D with matches ~ Binomial(D, 1/q); bsbc: matches/B with matches ~ Binomial(B, 1/L);
 * ghrr: Re tr(U) of a Haar U ∈ U(m) has E (Re tr U)² = ½ (E|tr U|² = 1), summed over D elements and
 * divided by mD: variance 1/(2m²D) = 1/dim, mean 0.
 */
export function randomSimilarityMoments(vsa: Vsa, opts: { blockSize?: number; levels?: number } = {}): { mean: number; variance: number } {
  const D = vsa.dim;
  switch (vsa.model) {
    case 'fhrr':
    case 'mcr':
      return { mean: 0, variance: 1 / (2 * D) };
    case 'cgr': {
      const p = 1 / (opts.levels ?? 16);
      return { mean: p, variance: (p * (1 - p)) / D };
    }
    case 'bsbc': {
      const L = opts.blockSize ?? 16,
        B = D / L,
        p = 1 / L;
      return { mean: p, variance: (p * (1 - p)) / B };
    }
    default:
      return { mean: 0, variance: 1 / D };
  }
}
