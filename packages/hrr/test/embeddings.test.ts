import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import {
  createVsa,
  DensityEmbedding,
  FractionalPowerEmbedding,
  LevelEmbedding,
  ProjectionEmbedding,
  RandomEmbedding,
  RecordEmbedding,
  SinusoidEmbedding,
} from '../src/index.js';
import { maxAbsDiff, row } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});

describe('embeddings', () => {
  it('fractional power encoding approximates the sinc and gaussian kernels (5σ)', () => {
    // the similarity is a mean of D i.i.d. cos(β θ·Δ) terms, each of variance ≤ 1: σ ≤ 1/√D
    const D = 4000,
      fhrr = createVsa({ model: 'fhrr', dim: D });
    const points = [0.3, -0.2, 0.8, 0.05, 1.9, 0.4];
    for (const kernel of ['sinc', 'gaussian'] as const) {
      const e = new FractionalPowerEmbedding(2, D, 7, { kernel, bandwidth: 0.8 });
      const enc = e.encode(points);
      for (const k of [1, 2]) {
        const delta = [points[2 * k] - points[0], points[2 * k + 1] - points[1]];
        const s = fhrr.similarity(row(enc, 0, D), row(enc, k, D));
        expect(Math.abs(s - e.kernelValue(delta))).toBeLessThan(5 / Math.sqrt(D));
      }
    }
  });

  it('level embedding maps the range onto levels; random embedding gathers rows', () => {
    const vsa = createVsa({ model: 'map', dim: 256 });
    const lv = new LevelEmbedding(vsa, 11, 1, { low: 0, high: 1 });
    expect(Array.from(lv.index([-1, 0, 0.04, 0.06, 0.5, 1, 7]))).toEqual([0, 0, 0, 1, 5, 10, 10]);
    const circ = new LevelEmbedding(vsa, 8, 1, { low: 0, high: 1, kind: 'circular' });
    expect(Array.from(circ.index([0, 0.5, 1, 1.125]))).toEqual([0, 4, 0, 1]);
    const r = new RandomEmbedding(vsa, 4, 2);
    expect(Array.from(r.encode([2]))).toEqual(Array.from(row(r.weight, 2, 256)));
  });

  it('projection and sinusoid: typed path = tensor path (float32 sums of F = 20 terms: bound 1e-4)', () => {
    const F = 20,
      D = 64,
      x = Float32Array.from({ length: 3 * F }, (_, i) => Math.sin(i));
    for (const e of [new ProjectionEmbedding(F, D, 3), new SinusoidEmbedding(F, D, 3)]) {
      const t = tf.tensor2d(x, [3, F]),
        y = e.encodeTensor(t);
      const got = y.dataSync();
      tf.dispose([t, y]);
      expect(maxAbsDiff(got, e.encode(x))).toBeLessThan(1e-4);
    }
  });

  it('record (key–value) embedding: the map fast path equals binding and bundling every feature; tensor path agrees', () => {
    const F = 30,
      vsa = createVsa({ model: 'map', dim: 128 });
    const rec = new RecordEmbedding(vsa, F, 8, { seed: 4 });
    const x = Float32Array.from({ length: 2 * F }, (_, i) => (i % 3 === 0 ? 0 : (i % 7) / 7));
    const fast = rec.encode(x);
    for (let r = 0; r < 2; r++) {
      const vals = rec.values.encode(x.subarray(r * F, (r + 1) * F));
      const slow = vsa.bundle(vsa.bind(rec.keys.weight, vals));
      expect(maxAbsDiff(row(fast, r, 128), slow)).toBeLessThan(1e-4);
    }
    const t = tf.tensor2d(x, [2, F]),
      y = rec.encodeTensor(t);
    const got = y.dataSync();
    tf.dispose([t, y]);
    expect(maxAbsDiff(got, fast)).toBeLessThan(1e-4);
    const dens = new DensityEmbedding(vsa, 3, 5);
    expect(dens.encode([0.1, 0.5, 0.9]).length).toBe(128);
  });
});
