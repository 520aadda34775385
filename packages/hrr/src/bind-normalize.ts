import { realFftPlan } from '@neurite/tensor';
import { binaryShape } from './check.js';
import type { BinaryOptions } from './bind.js';

/**
 * Fused bind + normalise: c = (a ⊛ b) / ||a ⊛ b||, each row of the circular convolution (as
 * `bind`, `RealFftPlan.convolve`) scaled in place to unit Euclidean norm (norm accumulated in
 * float64), with no intermediate array.
 * A row whose product is all zeros stays zero.
 */
export function bindNormalize(a: ArrayLike<number>, b: ArrayLike<number>, opts: BinaryOptions = {}): Float32Array {
  const { dim, rows, out } = binaryShape('bindNormalize', a, b, opts);
  realFftPlan(dim).convolve(a, b, out);
  for (let r = 0, o = 0; r < rows; r++, o += dim) {
    let e = 0;
    for (let j = o; j < o + dim; j++) e += out[j] * out[j];
    if (e > 0) {
      const s = 1 / Math.sqrt(e);
      for (let j = o; j < o + dim; j++) out[j] *= s;
    }
  }
  return out;
}
