import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, setBackend } from '@neurite/tensor';
import { bind, cleanupProbability, createVsa, HrrError, makeUnitary, unbind, unbindCosineMoments, Vocabulary } from '../src/index.js';
import { row } from './helpers.js';

beforeAll(async () => { await setBackend('wasm'); });
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

/** Monte Carlo: fraction of N traces of k pairs whose first filler is cleaned up correctly. */
function monteCarlo(D: number, m: number, k: number, keysKind: 'random' | 'unitary', N: number, seed: string): { p: number; cos: number[] } {
  const vsa = createVsa({ model: 'hrr', dim: D });
  const vocab = new Vocabulary(vsa, seed, { maxSimilarity: 1 });
  vocabs.push(vocab);
  vocab.create(Array.from({ length: m }, (_, i) => `x${i}`));
  const items = vocab.vectors();
  const rng = createRng(`${seed}-trials`);
  let keys = vsa.random(rng, N * k);
  if (keysKind === 'unitary') keys = makeUnitary(keys, { dim: D });
  const fillers = new Float32Array(N * k * D), target = new Int32Array(N);
  for (let t = 0; t < N; t++) {
    const pick = rng.sampleWithoutReplacement(m, k);
    target[t] = pick[0];
    for (let j = 0; j < k; j++) fillers.set(row(items, pick[j], D), (t * k + j) * D);
  }
  const pairs = bind(keys, fillers, { dim: D });
  const traces = new Float32Array(N * D), first = new Float32Array(N * D);
  for (let t = 0; t < N; t++) {
    first.set(row(keys, t * k, D), t * D);
    for (let j = 0; j < k; j++) for (let i = 0; i < D; i++) traces[t * D + i] += pairs[(t * k + j) * D + i];
  }
  const queries = unbind(traces, first, { dim: D });
  const found = vocab.cleanup(queries);
  let ok = 0;
  const cos: number[] = [];
  for (let t = 0; t < N; t++) {
    if (found[t][0].index === target[t]) ok++;
    cos.push(vsa.similarity(row(queries, t, D), row(items, target[t], D)));
  }
  return { p: ok / N, cos };
}

describe('cleanupProbability', () => {
  it.each([
    [128, 1000, 10, 'random'],
    [128, 1000, 8, 'unitary'],
    [512, 1000, 40, 'random'],
    [256, 200, 20, 'unitary'],
  ] as const)('matches Monte Carlo: D=%i m=%i k=%i keys=%s', (D, m, k, keys) => {
    const N = 1500;
    const est = cleanupProbability({ dim: D, items: m, bundle: k, keys });
    const { p, cos } = monteCarlo(D, m, k, keys, N, `mc${D}-${k}-${keys}`);
    // the cases are chosen in the informative range, not where both are ≈ 1
    expect(est).toBeGreaterThan(0.2); expect(est).toBeLessThan(0.95);
    const se = Math.sqrt(Math.max(p * (1 - p), 0.01) / N);
    expect(Math.abs(est - p), `estimate ${est.toFixed(4)} vs Monte Carlo ${p.toFixed(4)}`).toBeLessThan(4 * se + 0.03);
    // the cosine moments used by the estimate
    const mom = unbindCosineMoments(D, k, keys);
    const mean = cos.reduce((s, x) => s + x, 0) / N;
    const sd = Math.sqrt(cos.reduce((s, x) => s + (x - mean) ** 2, 0) / (N - 1));
    expect(Math.abs(mean - mom.mean)).toBeLessThan(5 * sd / Math.sqrt(N) + 2 / D);
    expect(Math.abs(sd / mom.std - 1)).toBeLessThan(0.12);
  });

  it('is monotone in D and m, and validates its input', () => {
    const p = (dim: number, items: number) => cleanupProbability({ dim, items, bundle: 8 });
    expect(p(256, 1000)).toBeLessThan(p(512, 1000));
    expect(p(256, 1000)).toBeLessThan(p(256, 100));
    expect(cleanupProbability({ dim: 100, items: 10, bundle: 1, keys: 'unitary' })).toBeGreaterThan(0.999999);
    expect(() => cleanupProbability({ dim: 100, items: 0, bundle: 2 })).toThrow(HrrError);
  });
});
