import { describe, expect, it } from 'vitest';
import { createRng, setBackend } from '@neurite/tensor';
import { createVsa, HrrError, randomVectors, Vocabulary } from '../src/index.js';
import { meanVar } from './helpers.js';

describe('randomVectors', () => {
  it('hrr elements are N(0, 1/D); fhrr angles uniform on [−π, π]; map ±1 balanced', () => {
    const D = 1000,
      n = 50,
      N = D * n;
    // Each bound is 5 standard errors of the statistic over N i.i.d. elements (two-sided
    // P(|N(0,1)| > 5) = 5.7e-7): the sample mean of a law with variance v has se √(v/N); the
    // sample variance has se √((μ₄ − σ⁴)/N), μ₄ the fourth central moment of the law.
    const h = meanVar(randomVectors('hrr', D, 's', n));
    expect(Math.abs(h.mean)).toBeLessThan(5 * Math.sqrt(1 / D / N));
    // normal: μ₄ = 3σ⁴, so the relative se of the variance is √(2/N)
    expect(Math.abs(h.variance * D - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    const f = randomVectors('fhrr', D, 's', n);
    // float32 rounding of an angle just below π can round to π itself (|π − fl(π)| < 1.2e-7)
    expect(f.every((x) => x >= Math.fround(-Math.PI) && x <= Math.fround(Math.PI))).toBe(true);
    // uniform on [−π, π): σ² = π²/3, μ₄ = π⁴/5, so μ₄ − σ⁴ = 4π⁴/45
    expect(Math.abs(meanVar(f).variance - Math.PI ** 2 / 3)).toBeLessThan(5 * Math.sqrt((4 * Math.PI ** 4) / 45 / N));
    const m = randomVectors('map', D, 's', n);
    expect(m.every((x) => x === 1 || x === -1)).toBe(true);
    // ±1 with equal probability: variance 1
    expect(Math.abs(meanVar(m).mean)).toBeLessThan(5 / Math.sqrt(N));
  });

  it('same seed → same vectors; a seed, string or Rng all work', () => {
    expect(randomVectors('hrr', 64, 9)).toEqual(randomVectors('hrr', 64, 9));
    expect(randomVectors('hrr', 64, 'x')).toEqual(randomVectors('hrr', 64, createRng('x')));
    expect(randomVectors('hrr', 64, 9)).not.toEqual(randomVectors('hrr', 64, 10));
    expect(() => randomVectors('hrr', 64, null as never)).toThrow(HrrError);
  });

  it('a vocabulary built from one seed is bit-identical on the cpu and wasm backends', async () => {
    const build = async (backend: 'cpu' | 'wasm') => {
      await setBackend(backend);
      const v = new Vocabulary(createVsa({ dim: 128 }), 'same', { maxSimilarity: 0.25 });
      v.create(Array.from({ length: 30 }, (_, i) => `i${i}`));
      const q = v.get('i3');
      const top = (await v.cleanup(q, { k: 3 }))[0].map((m) => m.name);
      v.dispose();
      return { vectors: v.vectors(), top };
    };
    const a = await build('cpu'),
      b = await build('wasm');
    expect(b.vectors).toEqual(a.vectors);
    expect(b.top).toEqual(a.top);
  });
});
