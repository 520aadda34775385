import { tf, toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt, checkPositive, EqPropError } from './eqprop-error.js';

/** Options of {@link spectralNormalize}. */
export interface SpectralNormalizeOptions {
  /** Power iterations (default 1; use more without a persistent `u`). */
  iters?: number;
  /** Persistent left singular vector estimate [m] from the previous call (its u). */
  u?: tf.Tensor1D;
  /** Target bound: weight = W · min(1, bound/σ) (default 1). */
  bound?: number;
  /** Seed of the random start vector when `u` is absent. */
  seed?: SeedOrRng;
  /** Extra iterations when `u` is absent (default 20). */
  warmup?: number;
}

/** What {@link spectralNormalize} returns (new tensors the caller disposes). */
export interface SpectralNormalizeResult {
  /** W · min(1, bound/σ), so ‖weight‖₂ ≤ bound (up to the estimate's accuracy). */
  weight: tf.Tensor2D;
  /** The updated left singular vector estimate [m], for the next call. */
  u: tf.Tensor1D;
  /** The estimate σ ≈ ‖W‖₂ = uᵀ W v. */
  sigma: number;
}

/**
 * Spectral normalisation by power iteration (Miyato et al. 2018) on W [m, n]:
 *
 *   v ← Wᵀu / ‖Wᵀu‖,   u ← W v / ‖W v‖,   σ = uᵀ W v
 *
 * σ increases monotonically towards the top singular value σ₁; the relative
 * error after k iterations shrinks like (σ₂/σ₁)^{2k}. Keeping `u` between calls
 * lets one iteration per training step track a slowly changing W. Returns new
 * tensors (the caller disposes weight and u).
 */
export async function spectralNormalize(w: tf.Tensor2D, options: SpectralNormalizeOptions = {}): Promise<SpectralNormalizeResult> {
  const fn = 'spectralNormalize';
  if (!(w instanceof tf.Tensor) || w.rank !== 2) throw new EqPropError('W', `${fn}: W must be a 2-D tensor`, { code: 'ERR_SHAPE' });
  const [m] = w.shape;
  const iters = checkInt(fn, 'iters', options.iters ?? 1, 1, 1e6);
  const bound = checkPositive(fn, 'bound', options.bound ?? 1);
  let total = iters;
  let u0: tf.Tensor1D;
  if (options.u !== undefined) {
    if (options.u.rank !== 1 || options.u.shape[0] !== m) {
      throw new EqPropError('u', `${fn}: u must have shape [${m}], got [${options.u.shape.join(', ')}]`, { code: 'ERR_SHAPE' });
    }
    u0 = options.u.clone();
  } else {
    const rng = toRng(options.seed ?? 0);
    u0 = tf.tensor1d(Float32Array.from({ length: m }, () => rng.normal()));
    total += checkInt(fn, 'warmup', options.warmup ?? 20, 0, 1e6);
  }
  const [u, sigmaT] = tf.tidy(() => {
    let u: tf.Tensor1D = tf.div(u0, tf.norm(u0));
    let v: tf.Tensor1D = tf.zeros([w.shape[1]]);
    for (let i = 0; i < total; i++) {
      const wtu = tf.squeeze(tf.matMul(tf.reshape(u, [1, m]), w), [0]) as tf.Tensor1D;
      v = tf.div(wtu, tf.norm(wtu));
      const wv = tf.squeeze(tf.matMul(w, tf.reshape(v, [-1, 1])), [1]) as tf.Tensor1D;
      u = tf.div(wv, tf.norm(wv));
    }
    const sigma = tf.sum(tf.mul(u, tf.squeeze(tf.matMul(w, tf.reshape(v, [-1, 1])), [1])));
    return [u, sigma] as const;
  });
  u0.dispose();
  const sigma = (await sigmaT.data())[0];
  sigmaT.dispose();
  const f = sigma > bound ? bound / sigma : 1;
  const weight = tf.tidy(() => tf.mul(w, f) as tf.Tensor2D);
  return { weight, u, sigma };
}
