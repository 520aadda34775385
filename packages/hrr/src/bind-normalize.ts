import { binaryDim, broadcastRows, outArray, rowsOf } from './check.js';
import type { BinaryOptions } from './bind.js';
import { binarySpectral, binWeight, mulSpectra } from './spectral.js';

/**
 * Fused bind + normalise: c = (a ⊛ b) / ||a ⊛ b||, each row scaled to unit Euclidean norm.
 * The norm comes from the product spectrum by Parseval, ||c||² = (1/D) Σ_k m_k |C_k|²
 * (m_k = 1 for DC and Nyquist, 2 otherwise), so no extra pass over the output.
 * A row whose product is all zeros stays zero.
 */
export function bindNormalize(a: ArrayLike<number>, b: ArrayLike<number>, opts: BinaryOptions = {}): Float32Array {
  const dim = binaryDim('bindNormalize', a, b, opts.dim);
  const na = rowsOf('bindNormalize', a, dim, 'a');
  const nb = rowsOf('bindNormalize', b, dim, 'b');
  const n = broadcastRows('bindNormalize', na, nb);
  const out = outArray('bindNormalize', n * dim, opts.out);
  return binarySpectral(a, na, b, nb, dim, out, (A, B, C, bins) => {
    mulSpectra(A, B, C, bins);
    let e = 0;
    for (let k = 0, j = 0; k < bins; k++, j += 2) e += binWeight(k, dim) * (C[j] * C[j] + C[j + 1] * C[j + 1]);
    const norm = Math.sqrt(e / dim);
    return norm > 0 ? 1 / norm : 1;
  });
}
