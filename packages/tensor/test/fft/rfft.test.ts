import { describe, it, expect } from 'vitest';
import { rfft, irfft, TensorError } from '../../src/index.js';
import { testSignal, directRealDft, maxAbsDiff, dftBound, roundTripBound } from './direct-dft.js';

// Tolerances: dftBound / roundTripBound in direct-dft.ts (Higham's FFT and inner-product error bounds).

describe('rfft (batched)', () => {
  it.each([
    [1, 3],
    [2, 4],
    [3, 2],
    [7, 5],
    [97, 3],
    [360, 2],
    [1000, 2],
    [1009, 2],
    [1024, 3],
    [4096, 2],
    [10000, 1],
    [10000, 2],
  ])('n = %i, batch = %i matches the direct DFT per row', (n, batch) => {
    const x = testSignal(n * batch, 13 * n + batch);
    const X = rfft(x, n);
    const bins = Math.floor(n / 2) + 1;
    expect(X.length).toBe(batch * 2 * bins);
    for (let b = 0; b < batch; b++) {
      const ref = directRealDft(x, n, b * n);
      expect(maxAbsDiff(X.subarray(b * 2 * bins, (b + 1) * 2 * bins), ref)).toBeLessThanOrEqual(
        dftBound(x.subarray(b * n, (b + 1) * n), n),
      );
    }
  });

  it('round trip irfft(rfft(x)) = x for several lengths and batches', () => {
    for (const [n, batch] of [
      [1, 4],
      [6, 3],
      [7, 3],
      [1024, 4],
      [10000, 3],
      [4097, 2],
    ] as const) {
      const x = testSignal(n * batch, n);
      const back = irfft(rfft(x, n), n);
      for (let b = 0; b < batch; b++) {
        expect(maxAbsDiff(back.subarray(b * n, (b + 1) * n), x.subarray(b * n, (b + 1) * n))).toBeLessThanOrEqual(
          roundTripBound(x.subarray(b * n, (b + 1) * n), n),
        );
      }
    }
  });

  it('an empty input gives an empty output', () => {
    expect(rfft(new Float64Array(0), 8).length).toBe(0);
  });

  it('rejects bad n and lengths that are not a multiple of n with a TensorError', () => {
    expect(() => rfft(new Float64Array(8), 0)).toThrow(TensorError);
    expect(() => rfft(new Float64Array(8), -8)).toThrow(TensorError);
    expect(() => rfft(new Float64Array(8), 2.5)).toThrow(/n must be an integer/);
    expect(() => rfft(new Float64Array(10), 4)).toThrow(/x.length must be a multiple of n=4, got 10/);
    expect(() => rfft(null as unknown as Float64Array, 4)).toThrow(TensorError);
  });
});
