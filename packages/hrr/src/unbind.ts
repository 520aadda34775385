import { binaryShape } from './check.js';
import type { BinaryOptions } from './bind.js';
import { realFftPlan } from '@neurite/tensor';

/**
 * HRR unbinding with the approximate inverse: circular correlation
 * unbind(c, a)[t] = (a^† ⊛ c)[t] = sum_s a[s] c[(s + t) mod D], computed as
 * IDFT(conj(DFT(a)) · DFT(c)). For a random key a with elements N(0, 1/D),
 * unbind(bind(a, b), a) ≈ b with cosine ≈ 1/√2; for a unitary key it is exactly b.
 *
 * `c` (the trace) and `a` (the key) are length D or [batch, D] with broadcasting.
 */
export function unbind(c: ArrayLike<number>, a: ArrayLike<number>, opts: BinaryOptions = {}): Float32Array {
  const { dim, out } = binaryShape('unbind', c, a, opts, 'c', 'a');
  realFftPlan(dim).convolve(a, c, out, true);
  return out;
}
