import { dotPartialSums } from './simd/simd-kernels.js';
import { TensorError } from './tensor-error.js';

/** From this length on, Float32Array operands go through the WebAssembly SIMD loop. */
const SIMD_MIN = 128;

/**
 * Dot product sum_i a[i] b[i] of two equal-length arrays, accumulated in
 * float64 by four interleaved partial sums (s0 + s1) + (s2 + s3) over
 * i ≡ 0, 1, 2, 3 (mod 4), then the remainder; the loop is memory-bound for
 * large arrays (8 bytes read per multiply-add for float32 inputs).
 * Two Float32Array operands of 128 elements or more run as a WebAssembly SIMD
 * loop (float64 lanes holding the same four partial sums; a float32 product is
 * exact in float64), so the result is bit-identical either way.
 * @example
 * ```ts
 * import { dot } from '@neurite/tensor';
 * dot(new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6])); // 32
 * ```
 * @throws TensorError when the lengths differ.
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a == null || b == null || a.length !== b.length) {
    throw new TensorError('b', `dot: a and b must have the same length, got ${a?.length} and ${b?.length}`, { code: 'ERR_SHAPE' });
  }
  const n = a.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  if (n >= SIMD_MIN && a instanceof Float32Array && b instanceof Float32Array) {
    const body = n & ~3;
    const p = dotPartialSums(a, b, body);
    if (p !== null) {
      s0 = p[0];
      s1 = p[1];
      s2 = p[2];
      s3 = p[3];
      i = body;
    }
  }
  for (; i + 3 < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  let s = s0 + s1 + (s2 + s3);
  for (; i < n; i++) s += a[i] * b[i];
  return s;
}
