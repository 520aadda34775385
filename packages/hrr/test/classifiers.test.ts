import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, toRng } from '@neurite/tensor';
import {
  AdaptHDClassifier,
  CentroidClassifier,
  CompHD,
  createVsa,
  IntRVFLClassifier,
  LeHDCClassifier,
  OnlineHDClassifier,
  QuantHDClassifier,
  SparseHDClassifier,
} from '../src/index.js';

beforeAll(async () => {
  await setBackend('wasm');
});

/**
 * Four classes: prototype P_c (random ±1, D = 512) with 30% of the signs flipped per sample.
 * The Bayes-optimal (nearest-prototype) accuracy is ≈ 1: the cosine with the own prototype is
 * 0.4 ± 0.04, with another 0 ± 0.04 (σ = 1/√D), a 10σ margin.
 */
function blobs(n: number, seed: number) {
  const D = 512,
    C = 4,
    vsa = createVsa({ model: 'map', dim: D });
  const P = vsa.random('prototypes', C),
    rng = toRng(seed);
  const x = new Float32Array(n * D),
    y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % C;
    for (let j = 0; j < D; j++) x[i * D + j] = P[y[i] * D + j] * (rng.uniform() < 0.3 ? -1 : 1);
  }
  return { x, y, D, C };
}

describe('HD classifiers', () => {
  const tr = blobs(200, 1),
    te = blobs(100, 2);
  it.each([
    ['Centroid', () => new CentroidClassifier(tr.D, tr.C)],
    ['AdaptHD', () => new AdaptHDClassifier(tr.D, tr.C)],
    ['OnlineHD', () => new OnlineHDClassifier(tr.D, tr.C)],
    ['SparseHD', () => new SparseHDClassifier(tr.D, tr.C, 0.5)],
    ['QuantHD', () => new QuantHDClassifier(tr.D, tr.C, 1)],
  ] as const)('%s reaches the nearest-prototype accuracy (≥ 99 percent) on separable data; cpu and backend agree', async (_name, make) => {
    const m = make().fit(tr.x, tr.y, { epochs: 3 });
    expect(m.accuracy(te.x, te.y)).toBeGreaterThanOrEqual(0.99);
    expect(Array.from(await m.predictAsync(te.x))).toEqual(Array.from(m.predict(te.x)));
  });

  it('SparseHD keeps the requested density; QuantHD weights are ±1; CompHD folds 4× and still classifies', () => {
    const s = new SparseHDClassifier(tr.D, tr.C, 0.25).fit(tr.x, tr.y, { epochs: 2 });
    expect(s.nonZeroFraction).toBeLessThanOrEqual(0.25);
    const q = new QuantHDClassifier(tr.D, tr.C).fit(tr.x, tr.y, { epochs: 2 });
    expect(q.weight.every((v) => v === 1 || v === -1)).toBe(true);
    const comp = new CompHD(tr.D, 4, 3);
    const cm = comp.compressModel(new CentroidClassifier(tr.D, tr.C).fit(tr.x, tr.y));
    // folding 4 segments adds 3 unrelated segment terms: margin 0.4 vs noise ≈ √(4/512) ≈ 0.09
    expect(cm.accuracy(comp.compress(te.x), te.y)).toBeGreaterThanOrEqual(0.95);
  });

  it('LeHDC trains binary class vectors (±1) that classify the blobs (≥ 99%)', async () => {
    const m = await new LeHDCClassifier(tr.D, tr.C).fitAsync(tr.x, tr.y, { epochs: 3, batchSize: 32 });
    expect(m.weight.every((v) => v === 1 || v === -1)).toBe(true);
    expect(m.accuracy(te.x, te.y)).toBeGreaterThanOrEqual(0.99);
  });

  it("LeHDC's schedule follows torch's ReduceLROnPlateau: ×0.1 after more than `patience` epochs without a 1e-4 relative gain", async () => {
    // lr 1e-9 leaves the loss unchanged to ≪ 1e-4 relative, so every epoch after the first is a stall
    const lrs: number[] = [];
    const onEpoch = (_e: number, _loss: number, lr: number) => lrs.push(lr);
    await new LeHDCClassifier(tr.D, tr.C).fitAsync(tr.x, tr.y, { epochs: 4, lr: 1e-9, dropout: 0, weightDecay: 0, patience: 0, onEpoch });
    [1e-9, 1e-9, 1e-10, 1e-11].forEach((v, i) => expect(lrs[i]).toBeCloseTo(v, 20));
    lrs.length = 0;
    await new LeHDCClassifier(tr.D, tr.C).fitAsync(tr.x, tr.y, { epochs: 5, lr: 1e-9, dropout: 0, weightDecay: 0, patience: 1, onEpoch });
    [1e-9, 1e-9, 1e-9, 1e-10, 1e-10].forEach((v, i) => expect(lrs[i]).toBeCloseTo(v, 20));
  });

  it('LeHDC: the dropout masks come from the seed; a rate outside [0, 1) is refused', async () => {
    const fit = async (seed: number) => {
      const losses: number[] = [];
      const m = await new LeHDCClassifier(tr.D, tr.C).fitAsync(tr.x, tr.y, {
        epochs: 2,
        batchSize: 32,
        seed,
        onEpoch: (_e, l) => losses.push(l),
      });
      return { weight: m.weight, losses };
    };
    const [a, b, c] = [await fit(1), await fit(1), await fit(2)];
    expect(a.weight).toEqual(b.weight);
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).not.toEqual(c.losses);
    await expect(new LeHDCClassifier(tr.D, tr.C).fitAsync(tr.x, tr.y, { dropout: 1 })).rejects.toThrow(/dropout/);
  });

  it('IntRVFL (ridge read-out) separates the blobs', () => {
    const m = new IntRVFLClassifier(tr.D, tr.C, 3, 10).fit(tr.x, tr.y);
    const p = m.predict(te.x);
    expect(p.filter((v, i) => v === te.y[i]).length / p.length).toBeGreaterThanOrEqual(0.99);
  });
});
