/** Connection rules: structure against their definitions, counts against binomial σ bounds. */
import { createRng } from '@neurite/tensor';
import { describe, expect, it } from 'vitest';
import { buildProjection, type Box, type BuildProjectionArgs } from '../src/index.js';

const box = (size: [number, number, number, number], origin: [number, number, number, number] = [0, 0, 0, 0]): Box => ({ origin, size });
const build = (over: Partial<BuildProjectionArgs>) =>
  buildProjection({
    path: 'projections[0]',
    rule: { type: 'all_to_all' },
    source: box([30, 1, 1, 1]),
    target: box([20, 1, 1, 1]),
    samePopulation: false,
    autapses: true,
    multapses: false,
    weight: 1,
    delay: 1,
    rng: createRng(5),
    ...over,
  });
const rows = (p: ReturnType<typeof buildProjection>) =>
  Array.from({ length: p.rowPtr.length - 1 }, (_, s) => Array.from(p.tgt.subarray(p.rowPtr[s], p.rowPtr[s + 1])));

describe('buildProjection', () => {
  it('all_to_all connects every pair, without autapses when asked', () => {
    expect(rows(build({})).every((r) => r.length === 20)).toBe(true);
    const self = build({ source: box([10, 1, 1, 1]), target: box([10, 1, 1, 1]), samePopulation: true, autapses: false });
    rows(self).forEach((r, s) => expect(r).toEqual(Array.from({ length: 10 }, (_, j) => j).filter((j) => j !== s)));
  });

  it('one_to_one pairs i with i', () => {
    rows(build({ rule: { type: 'one_to_one' }, target: box([30, 1, 1, 1]) })).forEach((r, s) => expect(r).toEqual([s]));
  });

  it('fixed_probability gives Binomial(nS·nT, p) synapses (within 4σ) and sorted distinct targets', () => {
    const p = 0.05;
    const pr = build({ rule: { type: 'fixed_probability', p }, source: box([400, 1, 1, 1]), target: box([300, 1, 1, 1]) });
    const n = 400 * 300;
    expect(Math.abs(pr.tgt.length - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    for (const r of rows(pr)) for (let k = 1; k < r.length; k++) expect(r[k]).toBeGreaterThan(r[k - 1]);
  });

  it('fixed_indegree / fixed_outdegree give exactly k distinct partners per neuron', () => {
    const inn = build({ rule: { type: 'fixed_indegree', k: 7 } });
    const indeg = new Array(20).fill(0);
    for (const t of inn.tgt) indeg[t]++;
    expect(indeg.every((d) => d === 7)).toBe(true);
    rows(inn).forEach((r) => expect(new Set(r).size).toBe(r.length));
    const out = build({ rule: { type: 'fixed_outdegree', k: 9 } });
    rows(out).forEach((r) => {
      expect(r.length).toBe(9);
      expect(new Set(r).size).toBe(9);
    });
  });

  it('fixed_total draws exactly n synapses', () => {
    expect(build({ rule: { type: 'fixed_total', n: 1234 }, multapses: true }).tgt.length).toBe(1234);
  });

  it('distance kernels: Σ p over the box (4σ binomial bound), nothing beyond the cutoff, w scale respected', () => {
    const lat = box([12, 12, 6, 4]);
    const scale: [number, number, number, number] = [2, 2, 1.5, 0.8];
    const p0 = 0.6;
    const pr = build({
      rule: { type: 'distance', kernel: 'gaussian', p0, scale, cutoff: 3 },
      source: lat,
      target: lat,
      samePopulation: true,
    });
    const coords = (i: number) => [i % 12, Math.floor(i / 12) % 12, Math.floor(i / 144) % 6, Math.floor(i / 864)];
    let mean = 0;
    let varSum = 0;
    const n = 12 * 12 * 6 * 4;
    for (let s = 0; s < n; s++) {
      const a = coords(s);
      for (let t = 0; t < n; t++) {
        const b = coords(t);
        const d2 = a.reduce((acc, x, k) => acc + ((x - b[k]) / scale[k]) ** 2, 0);
        if (d2 > 9) continue;
        const p = p0 * Math.exp(-d2 / 2);
        mean += p;
        varSum += p * (1 - p);
      }
    }
    expect(Math.abs(pr.tgt.length - mean)).toBeLessThan(4 * Math.sqrt(varSum));
    rows(pr).forEach((r, s) => {
      const a = coords(s);
      for (const t of r) {
        const b = coords(t);
        expect(a.reduce((acc, x, k) => acc + ((x - b[k]) / scale[k]) ** 2, 0)).toBeLessThanOrEqual(9);
      }
    });
  });

  it('weights and delays follow their distributions; delays are whole steps >= 1', () => {
    const pr = build({
      rule: { type: 'fixed_probability', p: 0.5 },
      source: box([200, 1, 1, 1]),
      target: box([200, 1, 1, 1]),
      weight: { dist: 'normal', mean: 2, std: 0.5, low: 0 },
      delay: { dist: 'uniform', low: 1, high: 10 },
    });
    const m = pr.tgt.length;
    const mean = pr.w.reduce((a, b) => a + b, 0) / m;
    // Truncation at 0 is 4σ away: mean 2 within 4·σ/√m.
    expect(Math.abs(mean - 2)).toBeLessThan((4 * 0.5) / Math.sqrt(m));
    expect(Math.min(...pr.w)).toBeGreaterThanOrEqual(0);
    expect(pr.d).not.toBeNull();
    expect(Math.min(...pr.d!)).toBe(1);
    expect(Math.max(...pr.d!)).toBe(10);
    expect(pr.maxDelay).toBe(10);
  });

  it('one seed builds the same projection; another seed a different one', () => {
    const a = build({ rule: { type: 'fixed_probability', p: 0.1 }, rng: createRng(3) });
    const b = build({ rule: { type: 'fixed_probability', p: 0.1 }, rng: createRng(3) });
    const c = build({ rule: { type: 'fixed_probability', p: 0.1 }, rng: createRng(4) });
    expect(Array.from(a.tgt)).toEqual(Array.from(b.tgt));
    expect(Array.from(a.rowPtr)).not.toEqual(Array.from(c.rowPtr));
  });
});
