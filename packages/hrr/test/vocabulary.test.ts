import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, setBackend } from '@neurite/tensor';
import { bind, createVsa, HrrError, unbind, Vocabulary } from '../src/index.js';
import { f32Tol, row, U32 } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});

/**
 * Tolerance of a cleanup score against a float64 cosine of the same vectors: the features are
 * float32 roundings of unit rows (2u on their dot product) and the backend's float32 matmul of
 * width F errs by γ_F = F·u/(1 − F·u) (Higham, Accuracy and Stability of Numerical Algorithms,
 * 2nd ed., §3.1; Σ|f g| ≤ 1 by Cauchy–Schwarz).
 */
const scoreTol = (F: number) => (F * U32) / (1 - F * U32) + f32Tol(2, 1);

/** Wilson upper confidence bound of a binomial proportion (z = 3.09: one-sided 99.9%). */
function wilsonUpper(errors: number, n: number, z = 3.09): number {
  const p = errors / n,
    z2 = z * z;
  return (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

describe('Vocabulary', () => {
  const vocabs: Vocabulary[] = [];
  afterAll(() => vocabs.forEach((v) => v.dispose()));

  it('creates named items rejecting near-duplicates, deterministically from the seed', () => {
    const vsa = createVsa({ model: 'hrr', dim: 64 });
    const v1 = new Vocabulary(vsa, 7, { maxSimilarity: 0.3 });
    const v2 = new Vocabulary(vsa, 7, { maxSimilarity: 0.3 });
    vocabs.push(v1, v2);
    const names = Array.from({ length: 40 }, (_, i) => `item${i}`);
    v1.create(names);
    v2.create(names);
    expect(v1.vectors()).toEqual(v2.vectors());
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < i; j++) {
        // create compares float32 features (2u on their dot product); this is the float64 cosine
        expect(vsa.similarity(v1.get(names[i]), v1.get(names[j]))).toBeLessThanOrEqual(0.3 + f32Tol(2, 1));
      }
    // at D = 64 random pairs exceed 0.3 often (sd 0.125): rejection really happened
    const raw = new Vocabulary(vsa, 7, { maxSimilarity: 1 });
    raw.create(names);
    let over = 0;
    for (let i = 0; i < 40; i++) for (let j = 0; j < i; j++) if (vsa.similarity(raw.get(names[i]), raw.get(names[j])) > 0.3) over++;
    expect(over).toBeGreaterThan(0);
    expect(() => v1.create('item3')).toThrow(/already exists/);
    expect(() => new Vocabulary(vsa, 1, { maxSimilarity: -0.9, maxTries: 3 }).create(['a', 'b'])).toThrow(HrrError);
  });

  it('cleanup returns top-k names and scores, with a threshold, for a batch of queries', async () => {
    const vsa = createVsa({ model: 'hrr', dim: 256 });
    const v = new Vocabulary(vsa, 'cl', { maxSimilarity: 1 });
    vocabs.push(v);
    v.create(['a', 'b', 'c', 'd']);
    const q = new Float32Array(2 * 256);
    q.set(v.get('c'), 0);
    const mix = v.get('a').map((x, i) => x + 0.5 * v.get('d')[i]);
    q.set(mix, 256);
    const res = await v.cleanup(q, { k: 2 });
    expect(res[0][0].name).toBe('c');
    expect(Math.abs(res[0][0].score - 1)).toBeLessThanOrEqual(scoreTol(256));
    expect(res[1].map((m) => m.name)).toEqual(['a', 'd']);
    expect(Math.abs(res[1][0].score - vsa.similarity(mix, v.get('a')))).toBeLessThanOrEqual(scoreTol(256));
    expect((await v.cleanup(q, { k: 4, threshold: 0.99 }))[0].map((m) => m.name)).toEqual(['c']);
    await expect(v.cleanup(q, { k: 0 })).rejects.toThrow(HrrError);
  });

  it('capacity: cleanup error at D = 3.16(k − 0.25) ln(m/q³) stays ≤ q = 0.01 (m = 1000, 99.9% upper bound)', async () => {
    const m = 1000,
      q = 0.01,
      N = 3000;
    for (const k of [2, 4, 8]) {
      const D = Math.ceil(3.16 * (k - 0.25) * Math.log(m / q ** 3));
      const vsa = createVsa({ model: 'hrr', dim: D });
      const vocab = new Vocabulary(vsa, `cap${k}`, { maxSimilarity: 1 });
      vocabs.push(vocab);
      const names = Array.from({ length: m }, (_, i) => `f${i}`);
      vocab.create(names);
      const items = vocab.vectors();
      const rng = createRng(`trials${k}`);
      const keys = vsa.random(rng, N * k);
      const fillers = new Float32Array(N * k * D);
      const target = new Int32Array(N);
      for (let t = 0; t < N; t++) {
        const pick = rng.sampleWithoutReplacement(m, k);
        target[t] = pick[0];
        for (let j = 0; j < k; j++) fillers.set(row(items, pick[j], D), (t * k + j) * D);
      }
      const pairs = bind(keys, fillers, { dim: D });
      const traces = new Float32Array(N * D);
      for (let t = 0; t < N; t++)
        for (let j = 0; j < k; j++) {
          const o = (t * k + j) * D;
          for (let i = 0; i < D; i++) traces[t * D + i] += pairs[o + i];
        }
      const firstKeys = new Float32Array(N * D);
      for (let t = 0; t < N; t++) firstKeys.set(row(keys, t * k, D), t * D);
      const found = await vocab.cleanup(unbind(traces, firstKeys, { dim: D }));
      let errors = 0;
      for (let t = 0; t < N; t++) if (found[t][0].index !== target[t]) errors++;
      expect(wilsonUpper(errors, N), `k=${k} D=${D}: ${errors}/${N} errors`).toBeLessThanOrEqual(q);
    }
  });

  it('similarities and cleanup agree with direct cosines when the item matrix is split into blocks', async () => {
    // 520 items × D = 1100 = 572000 floats > 2^19: the cached item matrix is held in 2 blocks
    const D = 1100,
      m = 520,
      q = 6;
    const vsa = createVsa({ model: 'hrr', dim: D });
    const voc = new Vocabulary(vsa, 11, { maxSimilarity: 1 });
    vocabs.push(voc);
    const names = Array.from({ length: m }, (_, i) => `w${i}`);
    const items = voc.create(names);
    const rng = createRng(5);
    const queries = new Float32Array(q * D);
    for (let r = 0; r < q; r++) for (let j = 0; j < D; j++) queries[r * D + j] = items[(17 * r + 3) * D + j] + rng.normal() * 0.03;
    const sims = await voc.similarities(queries);
    expect(sims.length).toBe(q * m);
    for (let r = 0; r < q; r++) {
      for (let i = 0; i < m; i += 37) {
        let s = 0,
          aa = 0,
          bb = 0;
        for (let j = 0; j < D; j++) {
          const a = queries[r * D + j],
            b = items[i * D + j];
          s += a * b;
          aa += a * a;
          bb += b * b;
        }
        expect(Math.abs(sims[r * m + i] - s / Math.sqrt(aa * bb))).toBeLessThanOrEqual(scoreTol(D));
      }
    }
    const found = await voc.cleanup(queries, { k: 2 });
    for (let r = 0; r < q; r++) {
      expect(found[r][0].name).toBe(names[17 * r + 3]);
      expect(found[r][0].score).toBeGreaterThan(found[r][1].score);
    }
  });
});
