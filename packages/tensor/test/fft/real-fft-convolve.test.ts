import { describe, it, expect } from 'vitest';
import { realFftPlan, TensorError } from '../../src/index.js';
import { testSignal, maxAbsDiff, maxAbs } from './direct-dft.js';

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
      for (const [na, nb] of [[1, 1], [3, 3], [1, 3], [3, 1]]) {
        const rows = Math.max(na, nb);
        const a = testSignal(na * n, n + na);
        const b = Float32Array.from(testSignal(nb * n, 2 * n + nb));
        const out = new Float64Array(rows * n);
        plan.convolve(a, b, out, correlate);
        for (let r = 0; r < rows; r++) {
          const ref = direct(a.subarray(na > 1 ? r * n : 0), b.subarray(nb > 1 ? r * n : 0), n, correlate);
          expect(maxAbsDiff(out.subarray(r * n, (r + 1) * n), ref)).toBeLessThanOrEqual(1e-12 * n * Math.max(1, maxAbs(ref)));
        }
      }
    }
  });

  it('writes float32 output (rounded from float64) and reads plain arrays', () => {
    const n = 12;
    const a = Array.from(testSignal(n, 1)), b = Array.from(testSignal(n, 2));
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
