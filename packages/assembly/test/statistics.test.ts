import { describe, it, expect } from 'vitest';
import { statisticsTable, REFERENCE_RANGES, mean } from '../src/statistics.js';

// Reference: the brain.py table of the issue (n = 1e5, k = 317, p = 0.01).
describe('statistics table (means over 10 seeds fall in the brain.py ranges)', () => {
  it('projection with the exact tail sampler (default)', () => {
    const t = statisticsTable({ association: false });
    for (const row of t.projection) {
      const [lo, hi] = REFERENCE_RANGES.support20[row.beta];
      expect(mean(row.support20)).toBeGreaterThanOrEqual(lo);
      expect(mean(row.support20)).toBeLessThanOrEqual(hi);
      const [rlo, rhi] = REFERENCE_RANGES.roundsToStable[row.beta];
      expect(mean(row.roundsToStable)).toBeGreaterThanOrEqual(rlo);
      expect(mean(row.roundsToStable)).toBeLessThanOrEqual(rhi);
    }
    // round-2/round-1 overlap, at β = 0.1 (β <= 0.05 gives ≈ 29.5%, see the report)
    const ov = mean(t.projection.find((r) => r.beta === 0.1)!.overlap21);
    expect(ov).toBeGreaterThanOrEqual(REFERENCE_RANGES.overlap21[0]);
    expect(ov).toBeLessThanOrEqual(REFERENCE_RANGES.overlap21[1]);
  });

  it('association (p = 0.05, β = 0.1) with the brain.py sampler, and the reference thresholds', () => {
    const t = statisticsTable({ sampler: 'reference', betas: [], seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    const m = mean(t.association!);
    expect(m).toBeGreaterThanOrEqual(REFERENCE_RANGES.association[0]);
    expect(m).toBeLessThanOrEqual(REFERENCE_RANGES.association[1]);
  });
});
