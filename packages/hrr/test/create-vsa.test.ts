import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { createVsa, decodeRecord, encodeRecord, HrrError, Vocabulary, type VsaModel } from '../src/index.js';
import { maxAbsDiff, meanVar, row } from './helpers.js';

beforeAll(async () => { await setBackend('wasm'); });
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

const MODELS: VsaModel[] = ['hrr', 'fhrr', 'map'];

describe('createVsa', () => {
  it.each(MODELS)('%s: random vectors are quasi-orthogonal (similarity mean 0, variance 1/D)', (model) => {
    const D = 500, N = 2000, vsa = createVsa({ model, dim: D });
    const A = vsa.random('a', N), B = vsa.random('b', N);
    const s = Array.from({ length: N }, (_, i) => vsa.similarity(row(A, i, D), row(B, i, D)));
    const { mean, variance } = meanVar(s);
    // FHRR: mean of D cos(uniform) has variance 1/(2D); HRR/MAP cosine: 1/D
    const v = model === 'fhrr' ? 1 / (2 * D) : 1 / D;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(v / N));
    expect(Math.abs(variance / v - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it.each(MODELS)('%s: bind/unbind, inverse, identity, power and features agree', (model) => {
    const D = 256, vsa = createVsa({ model, dim: D });
    const [a, b] = [vsa.random(1), vsa.random(2)];
    const ab = vsa.bind(a, b);
    expect(vsa.similarity(ab, a)).toBeLessThan(5 / Math.sqrt(D)); // binding is dissimilar to its operands
    const back = vsa.unbind(ab, a);
    expect(vsa.similarity(back, b)).toBeGreaterThan(model === 'hrr' ? 0.6 : 1 - 1e-5);
    expect(vsa.similarity(vsa.bind(a, vsa.identity()), a)).toBeGreaterThan(1 - 1e-5);
    expect(vsa.similarity(vsa.bind(ab, vsa.inverse(a)), vsa.unbind(ab, a))).toBeGreaterThan(1 - 1e-5);
    expect(vsa.similarity(vsa.power(a, 2), vsa.bind(a, a))).toBeGreaterThan(1 - 1e-5);
    const fa = vsa.features(a), fb = vsa.features(b);
    let s = 0;
    for (let j = 0; j < vsa.featureDim; j++) s += fa[j] * fb[j];
    expect(s).toBeCloseTo(vsa.similarity(a, b), 5);
    // a bundle of 3 is similar to each member (≈ 1/√3 for hrr/map)
    const c = vsa.random(3);
    const s3 = vsa.bundle([a, b, c], { normalize: true });
    expect(vsa.similarity(s3, b)).toBeGreaterThan(0.4);
  });

  it('the same record code runs on every model by changing one option', () => {
    for (const model of MODELS) {
      const vocab = new Vocabulary(createVsa({ model, dim: 1024 }), 'rec', { maxSimilarity: 0.2 });
      vocabs.push(vocab);
      vocab.create(['color', 'shape', 'size', 'red', 'blue', 'square', 'circle', 'big', 'small']);
      const r = encodeRecord(vocab, { color: 'red', shape: 'circle', size: 'small' });
      const d = decodeRecord(vocab, r, ['color', 'shape', 'size']);
      expect([d.color[0].name, d.shape[0].name, d.size[0].name], model).toEqual(['red', 'circle', 'small']);
    }
  });

  it('MAP rejects fractional powers; bad options are HrrErrors', () => {
    expect(() => createVsa({ model: 'map', dim: 8 }).power(new Float32Array(8).fill(1), 0.5)).toThrow(HrrError);
    expect(() => createVsa({ model: 'xyz' as VsaModel, dim: 8 })).toThrow(/model must be/);
    expect(() => createVsa({ dim: 0 })).toThrow(/dim must be a positive integer/);
  });

  it('the tensor threshold routes large batches through tf on the active backend with the same result', async () => {
    for (const model of MODELS) {
      const D = 96;
      const cpu = createVsa({ model, dim: D, tensorThreshold: Infinity });
      const gpuish = createVsa({ model, dim: D, tensorThreshold: 4 });
      const A = cpu.random('ta', 8), B = cpu.random('tb', 8);
      const before = tf.memory().numTensors;
      const x = gpuish.bind(A, B), y = cpu.bind(A, B);
      const xu = gpuish.unbind(x, A), yu = cpu.unbind(y, A);
      expect(tf.memory().numTensors).toBe(before);
      // fhrr angles may wrap to ±π differently: compare through the model's similarity
      for (let r = 0; r < 8; r++) {
        expect(cpu.similarity(row(x, r, D), row(y, r, D))).toBeGreaterThan(1 - 1e-5);
        expect(cpu.similarity(row(xu, r, D), row(yu, r, D))).toBeGreaterThan(1 - 1e-5);
      }
      if (model !== 'fhrr') expect(maxAbsDiff(x, y)).toBeLessThan(1e-5);
    }
  });
});
