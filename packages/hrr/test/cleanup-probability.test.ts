import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, setBackend } from '@neurite/tensor';
import { bind, cleanupProbability, createVsa, HrrError, makeUnitary, unbind, unbindCosineMoments, Vocabulary } from '../src/index.js';
import { row, secondOrderBias } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

/** Two-sided bound in standard errors (P(|N(0,1)| > 4) = 6.3e-5 per comparison). */
const Z = 4;

/** Monte Carlo: fraction of N traces of k pairs whose first filler is cleaned up correctly. */
async function monteCarlo(
  D: number,
  m: number,
  k: number,
  keysKind: 'random' | 'unitary',
  N: number,
  seed: string,
): Promise<{ p: number; cos: number[] }> {
  const vsa = createVsa({ model: 'hrr', dim: D });
  const vocab = new Vocabulary(vsa, seed, { maxSimilarity: 1 });
  vocabs.push(vocab);
  vocab.create(Array.from({ length: m }, (_, i) => `x${i}`));
  const items = vocab.vectors();
  const rng = createRng(`${seed}-trials`);
  let keys = vsa.random(rng, N * k);
  if (keysKind === 'unitary') keys = makeUnitary(keys, { dim: D });
  const fillers = new Float32Array(N * k * D),
    target = new Int32Array(N);
  for (let t = 0; t < N; t++) {
    const pick = rng.sampleWithoutReplacement(m, k);
    target[t] = pick[0];
    for (let j = 0; j < k; j++) fillers.set(row(items, pick[j], D), (t * k + j) * D);
  }
  const pairs = bind(keys, fillers, { dim: D });
  const traces = new Float32Array(N * D),
    first = new Float32Array(N * D);
  for (let t = 0; t < N; t++) {
    first.set(row(keys, t * k, D), t * D);
    for (let j = 0; j < k; j++) for (let i = 0; i < D; i++) traces[t * D + i] += pairs[(t * k + j) * D + i];
  }
  const queries = unbind(traces, first, { dim: D });
  const found = await vocab.cleanup(queries);
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
  ] as const)('matches Monte Carlo: D=%i m=%i k=%i keys=%s', async (D, m, k, keys) => {
    const N = 1500;
    const est = cleanupProbability({ dim: D, items: m, bundle: k, keys });
    const { p, cos } = await monteCarlo(D, m, k, keys, N, `mc${D}-${k}-${keys}`);
    // the cases are chosen in the informative range, not where both are ≈ 1
    expect(est).toBeGreaterThan(0.2);
    expect(est).toBeLessThan(0.95);
    // The estimate rests on three approximations (see cleanupProbability): a Gaussian target
    // cosine, its moments to first order in 1/D, and distractor cosines i.i.d. N(0, 1/D). The test
    // bounds their combined error by the resolution of N trials: under "P(correct) = est" the
    // success count is Binomial(N, est), so |p − est| ≤ Z·√(est(1 − est)/N).
    const seP = Math.sqrt((est * (1 - est)) / N);
    expect(Math.abs(est - p), `estimate ${est.toFixed(4)} vs Monte Carlo ${p.toFixed(4)} (σ = ${seP.toFixed(4)})`).toBeLessThan(Z * seP);
    // The cosine moments used by the estimate. Mean: the sample mean has standard error sd/√N,
    // and the first-order mean μ_c omits the second-order delta-method term b₂ (helpers.ts,
    // from the same per-bin moments), so |mean − μ_c| ≤ Z·sd/√N + |b₂|.
    const mom = unbindCosineMoments(D, k, keys);
    const mean = cos.reduce((s, x) => s + x, 0) / N;
    const sd = Math.sqrt(cos.reduce((s, x) => s + (x - mean) ** 2, 0) / (N - 1));
    expect(Math.abs(mean - mom.mean)).toBeLessThan((Z * sd) / Math.sqrt(N) + Math.abs(secondOrderBias(D, k, keys)));
    // Standard deviation: the sample variance has standard error √((m₄ − s⁴)/N) (m₄ the sample's
    // fourth central moment), so sd/σ_c − 1 has standard error √((m₄ − s⁴)/N)/(2s²).
    const m4 = cos.reduce((s, x) => s + (x - mean) ** 4, 0) / N;
    const seRel = Math.sqrt((m4 - sd ** 4) / N) / (2 * sd * sd);
    expect(Math.abs(sd / mom.std - 1)).toBeLessThan(Z * seRel);
  });

  it('is monotone in D and m, and validates its input', () => {
    const p = (dim: number, items: number) => cleanupProbability({ dim, items, bundle: 8 });
    expect(p(256, 1000)).toBeLessThan(p(512, 1000));
    expect(p(256, 1000)).toBeLessThan(p(256, 100));
    expect(cleanupProbability({ dim: 100, items: 10, bundle: 1, keys: 'unitary' })).toBeGreaterThan(0.999999);
    expect(() => cleanupProbability({ dim: 100, items: 0, bundle: 2 })).toThrow(HrrError);
  });
});
