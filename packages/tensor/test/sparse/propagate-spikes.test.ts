import { describe, expect, it } from 'vitest';
import { propagateSpikes } from '../../src/sparse/propagate-spikes.js';
import { randomCSR } from '../../src/sparse/random-csr.js';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { absOf, denseOf, denseRowSum, worstOfFloat32SumBound } from './helpers.js';

describe('propagateSpikes', () => {
  it('target[j] += scale * sum over spiking rows (weighted and pattern)', () => {
    const rng = createRng('spikes');
    for (const opts of [{ weight: (r: ReturnType<typeof createRng>) => r.uniform() - 0.5 }, { pattern: true }]) {
      const m = randomCSR(80, 50, 0.15, rng, opts);
      const d = denseOf(m);
      const target0 = Float32Array.from({ length: 50 }, () => rng.normal());
      const spiking = [4, 9, 9, 77, 0];
      const ref = denseRowSum(d, 50, spiking).map((v, j) => target0[j] + 0.3 * v);
      // target[j] takes one float32 addition per spike (the product 0.3 * w is formed in float64 and rounded
      // with the sum): within gamma32(spikes) of sum |terms| = |target0[j]| + 0.3 sum |w|
      const absSum = denseRowSum(absOf(d), 50, spiking).map((v, j) => Math.abs(target0[j]) + 0.3 * v);
      const target = target0.slice();
      const got = propagateSpikes(m, spiking, target, 0.3);
      expect(got).toBe(target);
      expect(worstOfFloat32SumBound(got, ref, absSum, spiking.length)).toBeLessThanOrEqual(1);
    }
  });

  it('no spikes leave the target unchanged; errors are TensorErrors', () => {
    const m = randomCSR(10, 12, 0.5, createRng(1));
    const t = new Float32Array(12).fill(2);
    propagateSpikes(m, [], t);
    expect(Array.from(t)).toEqual(new Array(12).fill(2));
    expect(() => propagateSpikes(m, [10], t)).toThrow(/spiking\[0\]/);
    expect(() => propagateSpikes(m, [1], new Float32Array(11))).toThrow(TensorError);
    expect(() => propagateSpikes(m, [1], t, NaN)).toThrow(/scale/);
  });
});
