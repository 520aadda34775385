import { checkFinite, unaryShape } from './check.js';
import { HrrError } from './hrr-error.js';
import type { UnaryOptions } from './approx-inverse.js';
import { unarySpectral } from './spectral.js';

/**
 * Binding power a^p (a ⊛ a ⊛ … p times for integer p ≥ 1; a^0 = δ the identity;
 * a^{-p} = (a^{-1})^p), extended to any real p through the spectrum:
 *   (A^p)_k = |A_k|^p · e^{i p arg A_k},  arg A_k ∈ (−π, π] (principal branch, atan2).
 * For integer p this is the ordinary complex power. The DC (and, for even D, Nyquist)
 * bin is real; when it is negative and p is fractional its power is complex, and the
 * real inverse FFT keeps its real part |A|^p cos(pπ): so a^p ⊛ a^q = a^{p+q} holds for
 * fractional powers exactly when those bins are positive (as for `makeUnitary` vectors
 * with positive DC/Nyquist, see `sequencePositionVector`). Negative p with a zero bin is
 * refused (HrrError). Row-wise on [batch, D].
 */
export function bindPower(a: ArrayLike<number>, p: number, opts: UnaryOptions = {}): Float32Array {
  const { dim, rows: n, out } = unaryShape('bindPower', a, opts);
  checkFinite('bindPower', 'p', p);
  return unarySpectral(a, n, dim, out, (A, C, bins, row) => {
    for (let k = 0, j = 0; k < bins; k++, j += 2) {
      const re = A[j],
        im = A[j + 1];
      const m = Math.hypot(re, im);
      if (m === 0) {
        if (p < 0)
          throw new HrrError(
            'a',
            `bindPower: a${n > 1 ? ` row ${row}` : ''} has a zero spectrum at bin ${k}; negative power ${p} is undefined`,
          );
        C[j] = p === 0 ? 1 : 0;
        C[j + 1] = 0;
        continue;
      }
      const mp = Math.pow(m, p),
        th = p * Math.atan2(im, re);
      C[j] = mp * Math.cos(th);
      C[j + 1] = mp * Math.sin(th);
    }
  });
}
