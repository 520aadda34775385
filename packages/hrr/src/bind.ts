import { binaryShape } from './check.js';
import { realFftPlan } from '@neurite/tensor';

/** Options of the row-wise binary HRR operations. */
export interface BinaryOptions {
  /**
   * Vector dimension D. Default: the shorter operand's length, so two vectors of equal
   * length are one pair; give `dim` to treat equal-length operands as [batch, D] batches.
   */
  dim?: number;
  /** Output array of length batch*D (reused, no allocation). */
  out?: Float32Array;
}

/**
 * HRR binding: circular convolution (a ⊛ b)[t] = sum_s a[s] b[(t - s) mod D], computed as
 * IDFT(DFT(a) · DFT(b)) with the real FFT of @neurite/tensor (`RealFftPlan.convolve`: any D,
 * O(D log D), one forward transform per operand row, the product fused into the inverse).
 *
 * Operands are Float32Arrays of length D or row-major [batch, D]; a single row broadcasts
 * against a batch. Returns a new Float32Array (or `out`) of length batch*D.
 * Commutative and associative.
 * @throws HrrError when lengths are not multiples of D or batches do not match.
 */
export function bind(a: ArrayLike<number>, b: ArrayLike<number>, opts: BinaryOptions = {}): Float32Array {
  const { dim, out } = binaryShape('bind', a, b, opts);
  realFftPlan(dim).convolve(a, b, out);
  return out;
}
