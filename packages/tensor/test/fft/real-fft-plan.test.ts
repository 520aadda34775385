import { describe, it, expect } from 'vitest';
import { realFftPlan, TensorError } from '../../src/index.js';
import {
  testSignal,
  directRealDft,
  directInverseRealDft,
  maxAbsDiff,
  dftBound,
  roundTripBound,
  fftErrorFactor,
  gamma64,
} from './direct-dft.js';

// Powers of two (fft.js), smooth composites (mixed radix 2/3/4/5/odd), large
// primes and composites with a large prime factor (Bluestein), odd and even.
const LENGTHS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 21, 25, 31, 49, 64, 74, 97, 121, 143, 221, 360, 361, 1000, 1009, 1024, 2018, 4096, 10000,
];

// Tolerances: dftBound / roundTripBound in direct-dft.ts (Higham's FFT and inner-product error bounds).

describe('realFftPlan', () => {
  it.each(LENGTHS)('forward matches the direct DFT, n = %i', (n) => {
    const x = testSignal(n, n);
    const plan = realFftPlan(n);
    expect(plan.n).toBe(n);
    expect(plan.bins).toBe(Math.floor(n / 2) + 1);
    const got = plan.forward(x);
    const ref = directRealDft(x, n);
    expect(got.length).toBe(2 * plan.bins);
    expect(maxAbsDiff(got, ref)).toBeLessThanOrEqual(dftBound(x, n));
  });

  it.each(LENGTHS)('inverse matches the direct inverse DFT of the Hermitian spectrum, n = %i', (n) => {
    // an arbitrary spectrum, including imaginary parts at DC / Nyquist (ignored)
    const bins = Math.floor(n / 2) + 1;
    const spec = testSignal(2 * bins, 7 * n + 1);
    const got = realFftPlan(n).inverse(spec);
    const ref = directInverseRealDft(spec, n);
    expect(got.length).toBe(n);
    // the full Hermitian spectrum uses each bin at most twice: twice the half spectrum's bound
    expect(maxAbsDiff(got, ref)).toBeLessThanOrEqual(2 * dftBound(spec, n, 1 / n));
  });

  it.each(LENGTHS)('inverse(forward(x)) = x and Parseval holds, n = %i', (n) => {
    const x = testSignal(n, 3 * n + 2);
    const plan = realFftPlan(n);
    const X = plan.forward(x);
    expect(maxAbsDiff(plan.inverse(X), x)).toBeLessThanOrEqual(roundTripBound(x, n));
    // sum |x|^2 = (1/n) sum_{k=0}^{n-1} |X_k|^2, folding the Hermitian half.
    let ex = 0;
    for (let t = 0; t < n; t++) ex += x[t] * x[t];
    let eX = 0;
    for (let k = 0; k < plan.bins; k++) {
      const p = X[2 * k] ** 2 + X[2 * k + 1] ** 2;
      const mirrored = k !== 0 && !(n % 2 === 0 && k === n / 2);
      eX += mirrored ? 2 * p : p;
    }
    // ||X^||_2 is within (1 +- e) ||X||_2 = (1 +- e) sqrt(n) ||x||_2, e = E(n) / sqrt(n) the relative 2-norm
    // error of X^; each sum of n squares carries a relative error <= gamma_{n+2} (squares and additions).
    const e = fftErrorFactor(n) / Math.sqrt(n);
    const g = gamma64(n + 2);
    expect(Math.abs(eX / n - ex)).toBeLessThanOrEqual(((1 + e) ** 2 * (1 + g) - 1 + g) * ex);
  });

  it('reads and writes at offsets, touching nothing else', () => {
    for (const n of [8, 9, 10, 97]) {
      const plan = realFftPlan(n);
      const x = testSignal(n + 5, n);
      const out = new Float64Array(2 * plan.bins + 6).fill(42);
      plan.forward(x, out, 5, 3);
      expect(maxAbsDiff(out.subarray(3, 3 + 2 * plan.bins), directRealDft(x, n, 5))).toBeLessThanOrEqual(dftBound(x.subarray(5), n));
      expect([...out.subarray(0, 3), ...out.subarray(3 + 2 * plan.bins)]).toEqual([42, 42, 42, 42, 42, 42]);
      const back = new Float64Array(n + 4).fill(-1);
      plan.inverse(out, back, 3, 2);
      expect(maxAbsDiff(back.subarray(2, 2 + n), x.subarray(5))).toBeLessThanOrEqual(roundTripBound(x.subarray(5), n));
      expect([back[0], back[1], back[n + 2], back[n + 3]]).toEqual([-1, -1, -1, -1]);
    }
  });

  it('accepts plain arrays and Float32Array input', () => {
    const n = 12;
    const x = Array.from(testSignal(n, 5));
    const ref = directRealDft(x, n);
    expect(maxAbsDiff(realFftPlan(n).forward(x), ref)).toBeLessThanOrEqual(dftBound(x, n));
    const x32 = Float32Array.from(x);
    expect(maxAbsDiff(realFftPlan(n).forward(x32), directRealDft(x32, n))).toBeLessThanOrEqual(dftBound(x32, n));
  });

  it('caches plans per n and gives the same result on repeated calls', () => {
    expect(realFftPlan(360)).toBe(realFftPlan(360));
    const x = testSignal(360, 1);
    const a = realFftPlan(360).forward(x);
    realFftPlan(360).forward(testSignal(360, 2));
    expect(realFftPlan(360).forward(x)).toEqual(a);
  });

  it('rejects bad lengths and short buffers with a TensorError', () => {
    for (const n of [0, -1, 2.5, NaN, Infinity, 2 ** 27]) {
      expect(() => realFftPlan(n)).toThrow(TensorError);
    }
    expect(() => realFftPlan('8' as unknown as number)).toThrow(TensorError);
    const plan = realFftPlan(8);
    expect(() => plan.forward(new Float64Array(7))).toThrow(/x must hold 8 numbers/);
    expect(() => plan.forward(new Float64Array(8), new Float64Array(9))).toThrow(TensorError);
    expect(() => plan.forward(new Float64Array(10), undefined, 3)).toThrow(TensorError);
    expect(() => plan.inverse(new Float64Array(9))).toThrow(/spec must hold 10 numbers/);
    expect(() => plan.inverse(new Float64Array(10), new Float64Array(7))).toThrow(TensorError);
    expect(() => plan.forward(new Float64Array(8), undefined, -1)).toThrow(TensorError);
  });
});
