import { createRng } from '@neurite/tensor';
import { describe, expect, it } from 'vitest';
import { buildProjection } from '../src/build-projection.js';
import { restrictTargets } from '../src/restrict-targets.js';

describe('restrictTargets', () => {
  it('splits a projection into target ranges whose rows, merged in range order per source, are the original rows', () => {
    const box = { origin: [0, 0, 0, 0] as const, size: [50, 4, 1, 1] as const };
    const csr = buildProjection({
      path: 'p',
      rule: { type: 'fixed_probability', p: 0.1 },
      source: box,
      target: box,
      samePopulation: true,
      autapses: false,
      multapses: false,
      weight: { dist: 'normal', mean: 1, std: 0.5 },
      delay: { dist: 'uniform', low: 1, high: 5 },
      rng: createRng(3),
    });
    const cuts = [0, 37, 120, 200];
    const parts = cuts.slice(1).map((hi, i) => restrictTargets(csr, cuts[i], hi));
    expect(parts.reduce((a, p) => a + p.tgt.length, 0)).toBe(csr.tgt.length);
    for (let s = 0; s < 200; s++) {
      const row = (c: typeof csr) => Array.from({ length: c.rowPtr[s + 1] - c.rowPtr[s] }, (_, q) => c.rowPtr[s] + q);
      // The kept synapses of each part keep their order; the row's synapses sorted by target range are the parts in order.
      const original = row(csr).map((k) => [csr.tgt[k], csr.w[k], csr.d![k]]);
      const byRange = cuts.slice(1).flatMap((hi, i) => original.filter(([j]) => j >= cuts[i] && j < hi));
      const merged = parts.flatMap((p) => row(p).map((k) => [p.tgt[k], p.w[k], p.d![k]]));
      expect(merged).toEqual(byRange);
    }
  });
});
