import { checkPositive, unaryShape } from './check.js';
import { HrrError } from './hrr-error.js';
import type { UnaryOptions } from './approx-inverse.js';
import { binWeight, unarySpectral } from './spectral.js';

export interface ExactInverseOptions extends UnaryOptions {
  /**
   * Tikhonov regularisation ε ≥ 0. With ε > 0 the inverse is
   * A_k^{-1} ≈ conj(A_k) / (|A_k|² + ε·rms²) where rms² = ||a||² is the mean |A_k|²
   * (so ε is relative and scale-free); it never refuses. Default 0 (guarded exact inverse).
   */
  eps?: number;
  /**
   * With eps = 0: refuse (HrrError) when some |A_k| < minRatio · rms, i.e. when the
   * inverse would amplify a frequency by more than 1/minRatio relative to the mean.
   * Default 1e-3 (a random N(0, 1/D) vector has P(|A_k| < 1e-3) ≈ 1e-6 per bin).
   */
  minRatio?: number;
}

/**
 * Exact inverse a^{-1} with a ⊛ a^{-1} = δ (the identity, δ[0] = 1): spectrum 1 / A_k.
 * Guarded: near-zero spectra are refused with an HrrError naming the bin, or regularised
 * (Tikhonov, `eps`). Row-wise on [batch, D].
 */
export function exactInverse(a: ArrayLike<number>, opts: ExactInverseOptions = {}): Float32Array {
  const { dim, rows: n, out } = unaryShape('exactInverse', a, opts);
  const eps = checkPositive('exactInverse', 'eps', opts.eps ?? 0, true);
  const minRatio = checkPositive('exactInverse', 'minRatio', opts.minRatio ?? 1e-3, true);
  return unarySpectral(a, n, dim, out, (A, C, bins, row) => {
    let e = 0;
    for (let k = 0, j = 0; k < bins; k++, j += 2) e += binWeight(k, dim) * (A[j] * A[j] + A[j + 1] * A[j + 1]);
    const ms = e / dim; // mean |A_k|^2 over the D bins = D ||a||^2 / D
    if (!(ms > 0)) throw new HrrError('a', `exactInverse: a${n > 1 ? ` row ${row}` : ''} is all zeros and has no inverse`);
    const floor = minRatio * minRatio * ms;
    for (let k = 0, j = 0; k < bins; k++, j += 2) {
      const re = A[j],
        im = A[j + 1];
      const m2 = re * re + im * im;
      let den: number;
      if (eps > 0) den = m2 + eps * ms;
      else {
        if (m2 < floor) {
          throw new HrrError(
            'a',
            `exactInverse: a${n > 1 ? ` row ${row}` : ''} has a near-zero spectrum at bin ${k} (|A_k| = ${Math.sqrt(m2).toExponential(2)} < minRatio·rms = ${Math.sqrt(floor).toExponential(2)}); pass eps > 0 to regularise or use approxInverse`,
          );
        }
        den = m2;
      }
      C[j] = re / den;
      C[j + 1] = -im / den;
    }
  });
}
