import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, decodeRecord, encodeRecord, HrrError, Vocabulary, VSA_MODELS, type VsaModel } from '../src/index.js';
import { meanVar, row } from './helpers.js';
import { randomSimilarityMoments } from './model-theory.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

/** A dimension near 1024 that each model accepts (vtb: 32²; ghrr m = 2: 128 elements × 8 floats). */
const DIM: Record<VsaModel, number> = {
  hrr: 1024,
  fhrr: 1024,
  map: 1024,
  bsc: 1024,
  bsbc: 1024,
  cgr: 1024,
  mcr: 1024,
  vtb: 1024,
  tvtb: 1024,
  ghrr: 1024,
};
/** Models whose unbinding with a random key is exact (up to float32 rounding). */
const EXACT = new Set<VsaModel>(['fhrr', 'map', 'bsc', 'bsbc', 'cgr', 'mcr', 'ghrr']);

describe('every model behind createVsa', () => {
  it.each(VSA_MODELS)('%s: similarity of random pairs has the theoretical mean and variance (5σ)', (model) => {
    const D = model === 'ghrr' || model === 'vtb' || model === 'tvtb' ? 256 : model === 'bsbc' ? 1024 : 500,
      N = 1000;
    const vsa = createVsa({ model, dim: D });
    const A = vsa.random('a', N),
      B = vsa.random('b', N);
    const s = Array.from({ length: N }, (_, i) => vsa.similarity(row(A, i, D), row(B, i, D)));
    const { mean, variance } = meanVar(s);
    const th = randomSimilarityMoments(vsa);
    // sample mean: σ = √(v/N); sample variance: σ ≈ v·√(2/N) (normal fourth moment; the binomial
    // cases at these sizes are within a few % of it)
    expect(Math.abs(mean - th.mean)).toBeLessThan(5 * Math.sqrt(th.variance / N));
    expect(Math.abs(variance / th.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it.each(VSA_MODELS)('%s: bind is dissimilar, unbind/unbindRight recover, identity, inverses, normalize', (model) => {
    const D = DIM[model],
      vsa = createVsa({ model, dim: D });
    const th = randomSimilarityMoments(vsa);
    const [a, b] = [vsa.random(1), vsa.random(2)];
    const ab = vsa.bind(a, b);
    const sd = Math.sqrt(th.variance);
    expect(Math.abs(vsa.similarity(ab, a) - th.mean)).toBeLessThan(5 * sd);
    expect(Math.abs(vsa.similarity(ab, b) - th.mean)).toBeLessThan(5 * sd);
    const back = vsa.unbind(ab, a),
      backRight = vsa.unbindRight(ab, b);
    if (EXACT.has(model)) {
      // float32 roundings of a few float64 products: 1 − similarity ≤ 1e-5 (≫ (D·u)² and m·u terms)
      expect(vsa.similarity(back, b)).toBeGreaterThan(1 - 1e-5);
      expect(vsa.similarity(backRight, a)).toBeGreaterThan(1 - 1e-5);
    } else {
      // approximate unbinding (hrr, vtb, tvtb): well above the 5σ noise floor of unrelated vectors
      expect(vsa.similarity(back, b)).toBeGreaterThan(0.5);
      expect(vsa.similarity(backRight, a)).toBeGreaterThan(0.5);
    }
    // identity (right identity for vtb) and the exact inverses
    expect(vsa.similarity(vsa.bind(a, vsa.identity()), a)).toBeGreaterThan(1 - 1e-5);
    const id = vsa.identity();
    expect(vsa.similarity(vsa.bind(a, vsa.rightInverse(a)), id)).toBeGreaterThan(1 - 1e-3);
    expect(vsa.similarity(vsa.bind(vsa.leftInverse(a), a), id)).toBeGreaterThan(1 - 1e-3);
    // unbindRight(c, b) = bind(c, inverse(b)) for every model
    const viaInverse = vsa.bind(ab, vsa.inverse(b));
    expect(vsa.similarity(viaInverse, backRight)).toBeGreaterThan(1 - 1e-5);
    // normalize is idempotent on random elements (they are in the element set already), up to float32
    expect(vsa.similarity(vsa.normalize(a), a)).toBeGreaterThan(1 - 1e-5);
    expect(Array.from(vsa.empty())).toEqual(new Array(D).fill(0));
    // bundling 3 elements keeps each member well above the 5σ noise floor
    const c = vsa.random(3);
    const s3 = vsa.bundle([a, b, c], { normalize: true });
    for (const m of [a, b, c]) expect(vsa.similarity(s3, m) - th.mean).toBeGreaterThan(5 * sd);
    // same seed → same bits
    expect(vsa.random('k', 2)).toEqual(vsa.random('k', 2));
  });

  it('the same record code runs on every model by changing one option', async () => {
    for (const model of VSA_MODELS) {
      const vocab = new Vocabulary(createVsa({ model, dim: DIM[model] }), 'rec', { maxSimilarity: 1 });
      vocabs.push(vocab);
      vocab.create(['color', 'shape', 'size', 'red', 'blue', 'square', 'circle', 'big', 'small']);
      const r = encodeRecord(vocab, { color: 'red', shape: 'circle', size: 'small' }, { normalize: true });
      const d = await decodeRecord(vocab, r, ['color', 'shape', 'size']);
      expect([d.color[0].name, d.shape[0].name, d.size[0].name], model).toEqual(['red', 'circle', 'small']);
    }
  });

  it('options are checked', () => {
    expect(() => createVsa({ model: 'vtb', dim: 1000 })).toThrow(/square dimension/);
    expect(() => createVsa({ model: 'bsbc', dim: 100, blockSize: 16 })).toThrow(HrrError);
    expect(() => createVsa({ model: 'ghrr', dim: 100, blockSize: 2 })).toThrow(/must divide dim/);
    expect(() => createVsa({ model: 'cgr', dim: 10, levels: 1 })).toThrow(/levels/);
  });
});
