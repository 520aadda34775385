import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, decodeRecord, encodeRecord, HrrError, unbindCosineMoments, Vocabulary, type VsaModel } from '../src/index.js';
import { bundleMemberSigma, f32Tol, meanVar, row, U32 } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

const MODELS: VsaModel[] = ['hrr', 'fhrr', 'map'];

describe('createVsa', () => {
  it.each(MODELS)('%s: random vectors are quasi-orthogonal (similarity mean 0, variance 1/D)', (model) => {
    const D = 500,
      N = 2000,
      vsa = createVsa({ model, dim: D });
    const A = vsa.random('a', N),
      B = vsa.random('b', N);
    const s = Array.from({ length: N }, (_, i) => vsa.similarity(row(A, i, D), row(B, i, D)));
    const { mean, variance } = meanVar(s);
    // FHRR: mean of D cos(uniform) has variance 1/(2D); HRR/MAP cosine: 1/D
    const v = model === 'fhrr' ? 1 / (2 * D) : 1 / D;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(v / N));
    expect(Math.abs(variance / v - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it.each(MODELS)('%s: bind/unbind, inverse, identity, power and features agree', (model) => {
    const D = 256,
      vsa = createVsa({ model, dim: D });
    const [a, b] = [vsa.random(1), vsa.random(2)];
    const ab = vsa.bind(a, b);
    // binding is dissimilar to its operands: similarity ≈ N(0, σ²), σ = 1/√D (hrr, map) or 1/√(2D) (fhrr); 5σ bound
    expect(Math.abs(vsa.similarity(ab, a))).toBeLessThan(5 / Math.sqrt(model === 'fhrr' ? 2 * D : D));
    const back = vsa.unbind(ab, a);
    // hrr with a random key: cosine ≈ N(μ, σ²) from unbindCosineMoments (k = 1), 5σ below the mean;
    // fhrr and map unbind exactly (float32 rounding only)
    const mom = unbindCosineMoments(D, 1);
    expect(vsa.similarity(back, b)).toBeGreaterThan(model === 'hrr' ? mom.mean - 5 * mom.std : 1 - 1e-5);
    // Equal in exact arithmetic; each side is a float64 computation rounded to float32, so an
    // element differs by at most 2u relative (hrr, map) or 2u·π in angle (fhrr, |θ| ≤ π): with
    // e = 4πu ≥ both, 1 − similarity ≤ e² (cosine of y and y + Δ, ‖Δ‖ ≤ e‖y‖; mean cos Δθ ≥ 1 − e²/2)
    const same = 1 - (4 * Math.PI * U32) ** 2 - f32Tol(0, 1);
    expect(vsa.similarity(vsa.bind(a, vsa.identity()), a)).toBeGreaterThanOrEqual(same);
    expect(vsa.similarity(vsa.bind(ab, vsa.inverse(a)), vsa.unbind(ab, a))).toBeGreaterThanOrEqual(same);
    expect(vsa.similarity(vsa.power(a, 2), vsa.bind(a, a))).toBeGreaterThanOrEqual(same);
    const fa = vsa.features(a),
      fb = vsa.features(b);
    let s = 0;
    for (let j = 0; j < vsa.featureDim; j++) s += fa[j] * fb[j];
    // features are float32 roundings (relative u each) of exact unit-norm rows: |Σ f_a f_b − sim| ≤ 2u·Σ|f_a f_b| ≤ 2u
    expect(Math.abs(s - vsa.similarity(a, b))).toBeLessThanOrEqual(f32Tol(2, 1));
    // a bundle of 3 is similar to each member: far above the 5σ noise level of unrelated vectors,
    // and for hrr/map within 5σ of 1/√3 (σ from bundleMemberSigma)
    const c = vsa.random(3);
    const s3 = vsa.bundle([a, b, c], { normalize: true });
    for (const m of [a, b, c]) {
      expect(vsa.similarity(s3, m)).toBeGreaterThan(5 / Math.sqrt(model === 'fhrr' ? 2 * D : D));
      if (model !== 'fhrr') expect(Math.abs(vsa.similarity(s3, m) - 1 / Math.sqrt(3))).toBeLessThan(5 * bundleMemberSigma(3, D));
    }
  });

  it('the same record code runs on every model by changing one option', async () => {
    for (const model of MODELS) {
      const vocab = new Vocabulary(createVsa({ model, dim: 1024 }), 'rec', { maxSimilarity: 0.2 });
      vocabs.push(vocab);
      vocab.create(['color', 'shape', 'size', 'red', 'blue', 'square', 'circle', 'big', 'small']);
      const r = encodeRecord(vocab, { color: 'red', shape: 'circle', size: 'small' });
      const d = await decodeRecord(vocab, r, ['color', 'shape', 'size']);
      expect([d.color[0].name, d.shape[0].name, d.size[0].name], model).toEqual(['red', 'circle', 'small']);
    }
  });

  it('MAP rejects fractional powers; bad options are HrrErrors', () => {
    expect(() => createVsa({ model: 'map', dim: 8 }).power(new Float32Array(8).fill(1), 0.5)).toThrow(HrrError);
    expect(() => createVsa({ model: 'xyz' as VsaModel, dim: 8 })).toThrow(/model must be/);
    expect(() => createVsa({ dim: 0 })).toThrow(/dim must be an integer in \[1, /);
  });
});
