import { describe, it, expect } from 'vitest';
import { irfft, TensorError } from '../../src/index.js';
import { testSignal, directInverseRealDft, maxAbsDiff, dftBound } from './direct-dft.js';

// Tolerance: dftBound in direct-dft.ts applied to the full Hermitian spectrum (each bin used at most
// twice, so twice the half spectrum's bound), scaled by the inverse's 1/n.

describe('irfft (batched)', () => {
  it.each([
    [1, 2],
    [2, 3],
    [3, 2],
    [7, 4],
    [8, 2],
    [97, 2],
    [360, 2],
    [1000, 1],
    [1009, 2],
    [1024, 2],
    [4096, 1],
    [10000, 1],
  ])('n = %i, batch = %i matches the direct inverse DFT per row', (n, batch) => {
    const bins = Math.floor(n / 2) + 1;
    const spec = testSignal(batch * 2 * bins, 31 * n + batch);
    const x = irfft(spec, n);
    expect(x.length).toBe(batch * n);
    for (let b = 0; b < batch; b++) {
      const ref = directInverseRealDft(spec, n, b * 2 * bins);
      expect(maxAbsDiff(x.subarray(b * n, (b + 1) * n), ref)).toBeLessThanOrEqual(
        2 * dftBound(spec.subarray(b * 2 * bins, (b + 1) * 2 * bins), n, 1 / n),
      );
    }
  });

  it('rejects bad n and spectra that are not a multiple of 2*bins with a TensorError', () => {
    expect(() => irfft(new Float64Array(10), 0)).toThrow(TensorError);
    expect(() => irfft(new Float64Array(10), 1.5)).toThrow(TensorError);
    expect(() => irfft(new Float64Array(11), 8)).toThrow(/multiple of 2\*bins=10/);
    expect(() => irfft(new Float64Array(12), 9)).toThrow(TensorError);
  });
});
