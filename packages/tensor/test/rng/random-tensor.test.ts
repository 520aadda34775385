import { describe, expect, it } from 'vitest';
import { createRng, randomTensor, setBackend, TensorError, expectNoLeaks } from '../../src/index.js';
import { ALPHA, ksTest, normalMass, normalQ } from './stats.js';

const cdf = (x: number) => (x < 0 ? normalQ(-x) : 1 - normalQ(x));

describe('randomTensor', () => {
  it('makes float32 tensors of the shape, equal to the typed-array fill of the same seed', async () => {
    await setBackend('cpu');
    const t = randomTensor(createRng(81), [3, 4, 5], 'normal', { mean: 1, std: 2 });
    expect(t.shape).toEqual([3, 4, 5]);
    expect(t.dtype).toBe('float32');
    const want = createRng(81).normalArray(new Float32Array(60), 1, 2);
    expect(Array.from(t.dataSync())).toEqual(Array.from(want));
    t.dispose();
    const u = randomTensor(createRng(82), [10], 'uniform', { lo: -1, hi: 1 });
    expect(Array.from(u.dataSync())).toEqual(Array.from(createRng(82).uniformArray(new Float32Array(10), -1, 1)));
    u.dispose();
  });

  it('is bit-identical on cpu and wasm', async () => {
    const run = async (b: 'cpu' | 'wasm') => {
      await setBackend(b);
      const out: number[][] = [];
      for (const d of ['uniform', 'normal', 'truncatedNormal'] as const) {
        const t = randomTensor(createRng(83), [64, 33], d);
        out.push(Array.from(await t.data()));
        t.dispose();
      }
      return out;
    };
    expect(await run('wasm')).toEqual(await run('cpu'));
  });

  it('distributions: KS for normal and for the default truncated normal (±2 std, as tf.truncatedNormal)', async () => {
    await setBackend('cpu');
    const a = randomTensor(createRng(84), [200, 500], 'normal');
    expect(ksTest(a.dataSync(), cdf).p).toBeGreaterThan(ALPHA);
    const b = randomTensor(createRng(85), [100_000], 'truncatedNormal', { mean: 0.5, std: 0.1 });
    const z = Float64Array.from(b.dataSync(), (x) => (x - 0.5) / 0.1);
    expect(z.every((x) => x >= -2 - 1e-5 && x <= 2 + 1e-5)).toBe(true);
    // float32 rounding of the values moves the cdf by < 1e-6: far below the KS resolution
    expect(ksTest(z, (x) => normalMass(-2, Math.min(Math.max(x, -2), 2)) / normalMass(-2, 2)).p).toBeGreaterThan(ALPHA);
    a.dispose();
    b.dispose();
  });

  it('does not leak tensors when disposed; rejects a bad shape or distribution', async () => {
    await setBackend('cpu');
    const rng = createRng(86);
    await expectNoLeaks(() => randomTensor(rng, [8, 8]).dispose(), { iterations: 200 });
    expect(() => randomTensor(rng, [2, -1])).toThrow(TensorError);
    expect(() => randomTensor(rng, [2, 1.5])).toThrow(/shape/);
    expect(() => randomTensor(rng, [2], 'cauchy' as 'normal')).toThrow(/dist/);
    expect(() => randomTensor(rng, [2], 'uniform', { lo: 1, hi: 0 })).toThrow(/lo must be < hi/);
  });
});
