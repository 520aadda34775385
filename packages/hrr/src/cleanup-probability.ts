import { checkDim, checkInt } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `cleanupProbability`. */
export interface CleanupProbabilityOptions {
  /** Dimension D. */
  dim: number;
  /** Number of items m in the cleanup memory (the target is one of them). */
  items: number;
  /** Number k of key ⊛ filler pairs bundled (unnormalised sum) in the trace. */
  bundle: number;
  /** Keys with elements N(0, 1/D) ('random', default) or made unitary ('unitary'). */
  keys?: 'random' | 'unitary';
}

/** erfc(x) (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7 everywhere). */
function erfc(x: number): number {
  const z = Math.abs(x),
    t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
/** log Φ(x), accurate when Φ(x) is close to 1. */
function logPhi(x: number): number {
  const tail = 0.5 * erfc(Math.abs(x) / Math.SQRT2);
  return x >= 0 ? Math.log1p(-tail) : Math.log(tail);
}

/**
 * Mean μ_c and standard deviation σ_c of the cosine between the unbound query
 * q = a₁^† ⊛ Σ_{j=1..k} a_j ⊛ b_j and the target b₁ (HRR, elements N(0, 1/D)), to first order
 * in 1/D (see `cleanupProbability`).
 */
export function unbindCosineMoments(dim: number, bundle: number, keys: 'random' | 'unitary' = 'random'): { mean: number; std: number } {
  checkDim('unbindCosineMoments', dim);
  checkInt('unbindCosineMoments', 'bundle', bundle, 1);
  if (keys !== 'random' && keys !== 'unitary')
    throw new HrrError('keys', `unbindCosineMoments: keys must be 'random' or 'unitary', got ${JSON.stringify(keys)}`);
  const k = bundle;
  // Moments μ_n = E α^n of α = |A_k|² per frequency bin: Exp(1) for random keys, 1 for unitary.
  const [m2, m3, m4] = keys === 'random' ? [2, 6, 24] : [1, 1, 1];
  const eq = m2 + (k - 1); // E f_q
  const vS = 2 * m2 - 1 + (k - 1) / 2;
  const vQ = 2 * m4 + 2 * m2 * k * (k - 1) + 4 * m3 * (k - 1) - eq * eq;
  const cSQ = 2 * m3 + 2 * m2 * (k - 1) - eq;
  const rel = vS + vQ / (4 * eq * eq) + 1 / 4 - cSQ / eq - 1 + m2 / (2 * eq);
  const mean = 1 / Math.sqrt(eq);
  return { mean, std: mean * Math.sqrt((Math.max(rel, 0) * 2) / dim) };
}

/**
 * Estimated probability that cleanup (nearest item by cosine among m items) returns the right
 * filler after unbinding one key from a trace of k bundled key ⊛ filler pairs (HRR, items and
 * keys with elements N(0, 1/D), unnormalised bundle).
 *
 * Derivation. Per frequency bin write α = |A₁|² (Exp(1) for random keys, 1 for unitary),
 * β = |B₁|², W = Σ_{j≥2} A_j B_j. By Parseval the target score S = q·b₁, the query energy
 * ||q||² and ||b₁||² are means over the D bins of f_S = αβ + Re(conj(A₁B₁)W),
 * f_q = α²β + α|W|² + 2α Re(conj(A₁B₁)W) and f_b = β. The D bins form D/2 independent conjugate
 * pairs, so each mean has variance 2·Var(f)/D (covariances alike). With E f_q = μ₂ + k − 1,
 * Var f_S = 2μ₂ − 1 + (k−1)/2, Var f_q = 2μ₄ + 2μ₂k(k−1) + 4μ₃(k−1) − (E f_q)²,
 * Cov(f_S, f_q) = 2μ₃ + 2μ₂(k−1) − E f_q, Cov(f_S, f_b) = 1, Cov(f_q, f_b) = μ₂, Var f_b = 1,
 * the delta method gives the target cosine c = S/(||q|| ||b₁||) ≈ N(μ_c, σ_c²) with
 * μ_c = 1/√(E f_q) (= 1/√(k+1) random, 1/√k unitary) and
 * σ_c² = μ_c² (2/D)[Var f_S + Var f_q/(4 E f_q²) + 1/4 − Cov(f_S,f_q)/E f_q − 1 + μ₂/(2 E f_q)].
 * A distractor x is independent of q, so its cosine with q is ≈ N(0, 1/D), the m − 1 of them
 * independent given q. Hence
 *   P(correct) = ∫ N(c; μ_c, σ_c²) · Φ(c √D)^{m−1} dc,
 * integrated numerically (Simpson, 2000 panels over μ_c ± 12σ_c). The approximations (Gaussian
 * target cosine, its moments to first order in 1/D, independent N(0, 1/D) distractors) are
 * checked against 1500-trial Monte Carlo runs at D = 128–512 (test/cleanup-probability.test.ts):
 * the estimate is within 4 binomial standard errors (≤ 0.05) of the observed success rate.
 */
export function cleanupProbability(opts: CleanupProbabilityOptions): number {
  const dim = checkDim('cleanupProbability', opts?.dim);
  const m = opts.items;
  checkInt('cleanupProbability', 'items', m, 1);
  const { mean, std } = unbindCosineMoments(dim, opts.bundle, opts.keys ?? 'random');
  const sd = Math.sqrt(dim);
  if (m === 1) return 1;
  if (std === 0) return Math.exp((m - 1) * logPhi(mean * sd));
  const panels = 2000,
    lo = mean - 12 * std,
    h = (24 * std) / panels;
  let acc = 0;
  for (let i = 0; i <= panels; i++) {
    const c = lo + i * h,
      z = (c - mean) / std;
    const f = Math.exp(-0.5 * z * z + (m - 1) * logPhi(c * sd)) / (std * Math.sqrt(2 * Math.PI));
    acc += f * (i === 0 || i === panels ? 1 : i % 2 ? 4 : 2);
  }
  return Math.min(1, Math.max(0, (acc * h) / 3));
}
