import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DatasetError, loadMnist, MNIST_PIXELS, type Mnist } from '../src/index.js';

// The reference: the package's raw files, read and parsed here without the loader.
const require = createRequire(import.meta.url);
const raw: number[][] = Array.from(
  { length: 10 },
  (_, d) => (JSON.parse(readFileSync(require.resolve(`mnist/src/digits/${d}.json`), 'utf8')) as { data: number[] }).data,
);
const counts = raw.map((r) => r.length / 784);

describe('loadMnist', () => {
  let m: Mnist;
  beforeAll(async () => {
    m = await loadMnist();
  });

  it('holds every digit of the package, 863–1127 per class, 10,000 in all', () => {
    expect(counts.every(Number.isInteger)).toBe(true);
    expect(m.classCounts).toEqual(counts);
    expect(counts.reduce((a, b) => a + b)).toBe(10_000);
    expect([Math.min(...counts), Math.max(...counts)]).toEqual([863, 1127]);
    expect(m.train.n + m.test.n).toBe(10_000);
    expect(m.side).toBe(28);
  });

  it('puts floor(0.8·count) of each class in train (not round: 1001 zeros give 800, not 801)', () => {
    const perClass = (labels: Uint8Array) => Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    const trainRef = counts.map((c) => (4 * c - ((4 * c) % 5)) / 5); // exact integer floor of 4c/5
    expect(perClass(m.train.labels)).toEqual(trainRef);
    expect(perClass(m.test.labels)).toEqual(counts.map((c, d) => c - trainRef[d]!));
    // The same figures as the README table.
    expect(trainRef).toEqual([800, 901, 792, 825, 784, 690, 811, 856, 755, 782]);
    expect([m.train.n, m.test.n]).toEqual([7996, 2004]);
    expect(m.train.images.length).toBe(7996 * MNIST_PIXELS);
    expect(m.test.images.length).toBe(2004 * MNIST_PIXELS);
  });

  it('splits each class at the same place every time: train is the first part in package order, test the rest, disjoint', () => {
    for (let d = 0; d < 10; d++) {
      const tr = Array.from(m.train.sourceIndex.filter((_, i) => m.train.labels[i] === d));
      const te = Array.from(m.test.sourceIndex.filter((_, i) => m.test.labels[i] === d));
      expect(tr).toEqual(Array.from({ length: tr.length }, (_, j) => j));
      expect(te).toEqual(Array.from({ length: counts[d]! - tr.length }, (_, j) => tr.length + j));
    }
    // Stored by class: labels never decrease.
    for (const s of [m.train, m.test]) for (let i = 1; i < s.n; i++) expect(s.labels[i]! >= s.labels[i - 1]!).toBe(true);
  });

  it('stores every image exactly as the raw file has it (to float32), pixels in [0, 1]', () => {
    for (const s of [m.train, m.test]) {
      for (let i = 0; i < s.n; i++) {
        const r = raw[s.labels[i]!]!;
        const src = s.sourceIndex[i]! * MNIST_PIXELS;
        for (let p = 0; p < MNIST_PIXELS; p++) {
          if (s.images[i * MNIST_PIXELS + p] !== Math.fround(r[src + p]!))
            throw new Error(`image ${i} pixel ${p} differs from the raw file`);
        }
      }
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of s.images) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      expect([lo, hi]).toEqual([0, 1]);
    }
    // A few pixels read straight off the raw JSON text of 0.json: the first zero's
    // row 4 (pixels 112–139, the first row with ink) starts its stroke at column 15 with 0.2, 0.624, 0.992.
    expect(Array.from(m.train.images.subarray(4 * 28 + 15, 4 * 28 + 18))).toEqual([0.2, 0.624, 0.992].map(Math.fround));
    expect(m.train.labels[0]).toBe(0);
    expect(Array.from(m.train.images.subarray(0, 4 * 28 + 15)).every((v) => v === 0)).toBe(true);
  });

  it('is loaded once and cached: later calls return the same object', async () => {
    expect(await loadMnist()).toBe(m);
  });
});

describe('loadMnist (loading)', () => {
  it('imports the mnist package only when first called, once, and retries after a failure', async () => {
    let imports = 0;
    let fail = true;
    vi.resetModules();
    vi.doMock('mnist', () => {
      imports++;
      if (fail) throw new Error('no such package');
      return { default: Array.from({ length: 10 }, (_, d) => ({ id: d, raw: new Array(5 * 784).fill(0.5), length: 5 })) };
    });
    try {
      const fresh = await import('../src/index.js');
      const freshTensor = await import('@neurite/tensor'); // the same module instances as `fresh` uses
      expect(imports).toBe(0);
      const err = await fresh.loadMnist().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(fresh.DatasetError);
      expect(err).toBeInstanceOf(freshTensor.NeuriteError);
      expect([(err as DatasetError).code, (err as DatasetError).argument]).toEqual(['ERR_FILE', 'mnist']);
      expect(String(((err as DatasetError).cause as Error).message)).toMatch(/no such package|error when mocking/); // vitest wraps a throwing mock factory's error
      fail = false;
      vi.resetModules(); // a failed dynamic import is cached by the module graph; a new attempt re-imports
      const m = await fresh.loadMnist();
      expect([m.train.n, m.test.n]).toEqual([40, 10]); // floor(0.8·5) = 4 of 5 per class
      expect(await fresh.loadMnist()).toBe(m);
      expect(imports).toBe(2);
    } finally {
      vi.doUnmock('mnist');
      vi.resetModules();
    }
  });
});
