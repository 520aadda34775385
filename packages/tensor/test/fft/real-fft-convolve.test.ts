import { describe, it, expect } from 'vitest';
import { realFftPlan, TensorError } from '../../src/index.js';
import { testSignal, maxAbsDiff, maxAbs, fftErrorFactor, gamma64, norms } from './direct-dft.js';

/**
 * Bound on max_t |fl(conv(a, b))_t - direct_t| for c = F^-1 (Fa . Fb), with
 * E = E(n) of direct-dft.ts (Higham's FFT bound at Bluestein's worst case; it
 * also covers the split convolver's half-length FFTs and O(1) twiddle steps
 * per bin): ||A^ - A||_2 <= E ||a||_2, ||A||_inf <= ||a||_1, ||A||_2 = sqrt(n) ||a||_2
 * (same for b); the pointwise product adds gamma_4 of its size; the inverse maps
 * an error through 1/sqrt(n) and adds E/n of its input's norm; the direct
 * reference is within gamma_n ||a||_1 max|b|.
 */
function convBound(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  const E = fftErrorFactor(n);
  const na = norms(a),
    nb = norms(b);
  const bInf = nb.l1 + E * nb.l2,
    aInf = na.l1 + E * na.l2;
  const prodErr = E * na.l2 * bInf + na.l1 * E * nb.l2 + gamma64(4) * aInf * (Math.sqrt(n) + E) * nb.l2;
  const prodNorm = na.l1 * Math.sqrt(n) * nb.l2 + prodErr;
  return prodErr / Math.sqrt(n) + (E / n) * prodNorm + gamma64(n) * na.l1 * maxAbs(b);
}

/** Direct O(n^2) circular convolution (or correlation) of one row, float64. */
function direct(a: ArrayLike<number>, b: ArrayLike<number>, n: number, correlate: boolean): Float64Array {
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += a[k] * b[correlate ? (k + t) % n : (t - k + n) % n];
    y[t] = s;
  }
  return y;
}

// n = 1, odd (complex engine), even smooth (split-array engine, pow2 with both
// the Stockham and the fft.js paths), even with a rough half (Bluestein).
const LENGTHS = [1, 2, 3, 4, 6, 7, 8, 10, 16, 30, 97, 128, 194, 1000, 1024, 2048, 2018, 4096];

describe('RealFftPlan.convolve', () => {
  it.each(LENGTHS)('matches the direct circular convolution and correlation with broadcasting, n = %i', (n) => {
    const plan = realFftPlan(n);
    for (const correlate of [false, true]) {
      for (const [na, nb] of [
        [1, 1],
        [3, 3],
        [1, 3],
        [3, 1],
      ]) {
        const rows = Math.max(na, nb);
        const a = testSignal(na * n, n + na);
        const b = Float32Array.from(testSignal(nb * n, 2 * n + nb));
        const out = new Float64Array(rows * n);
        plan.convolve(a, b, out, correlate);
        for (let r = 0; r < rows; r++) {
          const ar = a.subarray(na > 1 ? r * n : 0, (na > 1 ? r : 0) * n + n),
            br = b.subarray(nb > 1 ? r * n : 0, (nb > 1 ? r : 0) * n + n);
          const ref = direct(ar, br, n, correlate);
          expect(maxAbsDiff(out.subarray(r * n, (r + 1) * n), ref)).toBeLessThanOrEqual(convBound(ar, br, n));
        }
      }
    }
  });

  it('writes float32 output (rounded from float64) and reads plain arrays', () => {
    const n = 12;
    const a = Array.from(testSignal(n, 1)),
      b = Array.from(testSignal(n, 2));
    const out = new Float32Array(n);
    realFftPlan(n).convolve(a, b, out);
    const ref = direct(a, b, n, false);
    // float32 rounding of a float64 result: within one ulp of float32 of the direct value
    expect(maxAbsDiff(out, ref)).toBeLessThanOrEqual(2 ** -23 * maxAbs(ref));
  });

  it('rejects lengths that are not n or rows*n with a TensorError', () => {
    const plan = realFftPlan(8);
    expect(() => plan.convolve(new Float64Array(8), new Float64Array(8), new Float64Array(12))).toThrow(TensorError);
    expect(() => plan.convolve(new Float64Array(16), new Float64Array(8), new Float64Array(24))).toThrow(/a must hold n=8 or rows\*n=24/);
    expect(() => plan.convolve(new Float64Array(8), new Float64Array(7), new Float64Array(8))).toThrow(/b must hold/);
  });
});
