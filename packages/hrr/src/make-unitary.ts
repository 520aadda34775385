import { unaryShape } from './check.js';
import type { UnaryOptions } from './approx-inverse.js';
import { unarySpectral } from './spectral.js';

/**
 * Unitary projection: every spectral magnitude set to 1, U_k = A_k / |A_k| (a bin with
 * A_k = 0 becomes 1). A unitary u has ||u|| = 1, u^† = u^{-1}, and binding with it
 * preserves norms and is exactly undone by `unbind`. Row-wise on [batch, D].
 */
export function makeUnitary(a: ArrayLike<number>, opts: UnaryOptions = {}): Float32Array {
  const { dim, rows: n, out } = unaryShape('makeUnitary', a, opts);
  return unarySpectral(a, n, dim, out, (A, C, bins) => {
    for (let k = 0, j = 0; k < bins; k++, j += 2) {
      const re = A[j],
        im = A[j + 1];
      const m = Math.hypot(re, im);
      if (m > 0) {
        C[j] = re / m;
        C[j + 1] = im / m;
      } else {
        C[j] = 1;
        C[j + 1] = 0;
      }
    }
  });
}
