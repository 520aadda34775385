/**
 * The fft.js path: powers of two above MAX_STOCKHAM_POW2 (8192) run on fft.js
 * (Pow2Fft), for complex plans directly and for even real plans through their
 * half-length complex FFT. Checked against the DFT from its definition at a
 * spread of bins (every 61st bin plus both ends: a full O(n^2) reference costs
 * seconds).
 *
 * Tolerance: the direct DFT is an inner product of n complex terms with
 * rounded twiddles, so by Higham (Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., eq. 3.5 and section 3.6) |fl(X_k) - X_k| <= gamma_{n+4} * sum_t |x_t|
 * with gamma_m = m eps / (1 - m eps) (|x_t| = |re| + |im|; +4 for the complex
 * multiply and the twiddle rounding). The FFT's own error, O(log2(n) eps ||x||),
 * is below that bound, so the two may differ by at most twice it.
 */
import { describe, expect, it } from 'vitest';
import { complexFftPlan, fftEngine } from '../../src/fft/complex-fft-plan.js';
import { realFftPlan } from '../../src/fft/real-fft-plan.js';
import { Pow2Fft } from '../../src/fft/pow2-fft.js';
import { MAX_STOCKHAM_POW2 } from '../../src/fft/mixed-radix-fft.js';
import { testSignal } from './direct-dft.js';

const EPS = 2 ** -52;
const gamma = (m: number): number => (m * EPS) / (1 - m * EPS);

/** X[k] = sum_t x[t] e^{-2 pi i k t / n} for the listed k only (interleaved complex x). */
function dftAt(x: ArrayLike<number>, n: number, ks: readonly number[]): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (const k of ks) {
    let re = 0,
      im = 0;
    for (let t = 0; t < n; t++) {
      const j = (k * t) % n;
      const c = Math.cos((2 * Math.PI * j) / n),
        s = -Math.sin((2 * Math.PI * j) / n);
      re += x[2 * t] * c - x[2 * t + 1] * s;
      im += x[2 * t] * s + x[2 * t + 1] * c;
    }
    out.set(k, [re, im]);
  }
  return out;
}

function sampleBins(bins: number): number[] {
  const ks: number[] = [];
  for (let k = 0; k < bins; k += 61) ks.push(k);
  ks.push(bins - 2, bins - 1);
  return ks;
}

describe('fft.js path above 8192 points', () => {
  const n = 2 * MAX_STOCKHAM_POW2; // 16384

  it('complexFftPlan(16384) runs on fft.js and matches the direct DFT', () => {
    expect(fftEngine(n)).toBeInstanceOf(Pow2Fft);
    const x = testSignal(2 * n, 7);
    const y = complexFftPlan(n).forward(x);
    let l1 = 0;
    for (let i = 0; i < 2 * n; i++) l1 += Math.abs(x[i]);
    const bound = 2 * gamma(n + 4) * l1;
    for (const [k, [re, im]] of dftAt(x, n, sampleBins(n))) {
      expect(Math.abs(y[2 * k] - re)).toBeLessThanOrEqual(bound);
      expect(Math.abs(y[2 * k + 1] - im)).toBeLessThanOrEqual(bound);
    }
    // inverse(forward(x)) = x: the round trip's error is again below the bound for each entry
    // (the inverse is a forward DFT of the spectrum scaled by 1/n, so its bound carries sum |y| / n).
    let l1y = 0;
    for (let i = 0; i < 2 * n; i++) l1y += Math.abs(y[i]);
    const back = complexFftPlan(n).inverse(y);
    const roundTrip = 2 * gamma(n + 4) * (l1y / n);
    for (let i = 0; i < 2 * n; i++) expect(Math.abs(back[i] - x[i])).toBeLessThanOrEqual(roundTrip);
  });

  it('realFftPlan(32768) uses fft.js for its half length and matches the direct DFT', () => {
    const m = 2 * n; // 32768: half-length complex FFT of 16384 points
    expect(fftEngine(m / 2)).toBeInstanceOf(Pow2Fft);
    const real = testSignal(m, 11);
    const spec = realFftPlan(m).forward(real);
    const asComplex = new Float64Array(2 * m);
    let l1 = 0;
    for (let t = 0; t < m; t++) {
      asComplex[2 * t] = real[t];
      l1 += Math.abs(real[t]);
    }
    const bound = 2 * gamma(m + 4) * l1;
    for (const [k, [re, im]] of dftAt(asComplex, m, sampleBins(m / 2 + 1))) {
      expect(Math.abs(spec[2 * k] - re)).toBeLessThanOrEqual(bound);
      expect(Math.abs(spec[2 * k + 1] - im)).toBeLessThanOrEqual(bound);
    }
  });
});
