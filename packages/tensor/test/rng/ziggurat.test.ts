import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { ZIG_F, ZIG_R, ZIG_V, ZIG_X } from '../../src/rng/ziggurat-tables.js';
import { TensorError } from '../../src/tensor-error.js';
import { kat, fnv1a32Words, wordsOf } from './kat.js';
import { ALPHA, erfc, ksTest, mean, normalMass, normalQ, variance } from './stats.js';

const cdf = (x: number) => (x < 0 ? normalQ(-x) : 1 - normalQ(x));

describe('ziggurat tables', () => {
  it('every layer has area v, the base layer covers the tail, and the top closes at x = 0', () => {
    const f = (x: number) => Math.exp(-0.5 * x * x);
    // The tables are float64 values from fixtures/rng/make_ziggurat_tables.py; each check is a float64
    // evaluation of a defining equation, so its residual is a few roundings (u = 2^-53) of quantities <= 1:
    // toBeCloseTo(., 15), i.e. < 5e-16, allows 4.5 of them. The layer-area ratio divides by
    // dF = F[i+1] - F[i] (>= 1.3e-3) and carries the error the table recurrence accumulated from layer to
    // layer: estimated as 8 roundings per layer over at most 256 layers, divided by the smallest dF
    // (a linear-growth estimate, about 1.7e-10).
    const tailArea = Math.sqrt(Math.PI / 2) * erfc(ZIG_R / Math.SQRT2);
    expect(ZIG_R * f(ZIG_R) + tailArea).toBeCloseTo(ZIG_V, 15);
    expect(ZIG_X[0] * f(ZIG_R)).toBeCloseTo(ZIG_V, 15);
    let minDF = Infinity;
    for (let i = 1; i < 256; i++) minDF = Math.min(minDF, ZIG_F[i + 1] - ZIG_F[i]);
    for (let i = 1; i < 256; i++) {
      expect(ZIG_F[i]).toBeCloseTo(f(ZIG_X[i]), 15);
      expect(Math.abs((ZIG_X[i] * (ZIG_F[i + 1] - ZIG_F[i])) / ZIG_V - 1)).toBeLessThanOrEqual((256 * 8 * 2 ** -53) / minDF);
    }
    expect(ZIG_X[256]).toBe(0);
    expect(ZIG_F[256]).toBe(1);
  });
});

describe('normal: known answers (fixtures/rng/make_kat.py re-implements the documented bit layout in Python)', () => {
  it('normalArray(Float32Array) from seed 1: first 50 values and a hash of 1e5 values', () => {
    const k = kat.normal.f32;
    const a = createRng(k.seed).normalArray(new Float32Array(k.count));
    expect(Array.from(a.subarray(0, 50))).toEqual(k.first);
    expect(fnv1a32Words(wordsOf(a))).toBe(k.fnv1a32);
  });

  it('normal() from seed 2: first 50 values and a hash of 2e4 values', () => {
    const k = kat.normal.f64;
    const rng = createRng(k.seed);
    const a = Float64Array.from({ length: k.count }, () => rng.normal());
    expect(Array.from(a.subarray(0, 50))).toEqual(k.first);
    expect(fnv1a32Words(wordsOf(a))).toBe(k.fnv1a32);
  });
});

describe('normal', () => {
  it('normal(): KS against N(0, 1) and moments within 5 standard errors', () => {
    const rng = createRng(31);
    const n = 200_000;
    const xs = Float64Array.from({ length: n }, () => rng.normal());
    expect(ksTest(xs, cdf).p).toBeGreaterThan(ALPHA);
    expect(Math.abs(mean(xs))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('normal(mean, std) scales and shifts: KS against N(3, 0.5^2)', () => {
    const rng = createRng(32);
    const xs = Float64Array.from({ length: 50_000 }, () => rng.normal(3, 0.5));
    expect(ksTest(xs, (x) => cdf((x - 3) / 0.5)).p).toBeGreaterThan(ALPHA);
  });

  it('normalArray(Float32Array): KS on 1e6 values, 4th moment 3', () => {
    const rng = createRng(33);
    const a = rng.normalArray(1_000_000);
    expect(a).toBeInstanceOf(Float32Array);
    expect(ksTest(a, cdf).p).toBeGreaterThan(ALPHA);
    let m4 = 0;
    for (const v of a) m4 += v ** 4;
    // Var(z^4) = E z^8 - 9 = 105 - 9 = 96
    expect(Math.abs(m4 / a.length - 3)).toBeLessThan(5 * Math.sqrt(96 / a.length));
  });

  it('the tail and the wedges have the right mass: counts beyond r = 3.654 and in |z| in [2, 2.2] over 1e7 draws', () => {
    const rng = createRng(34);
    const a = rng.normalArray(new Float32Array(10_000_000), 0, 1);
    let tail = 0,
      far = 0,
      band = 0;
    for (const v of a) {
      const x = Math.abs(v);
      if (x > ZIG_R) tail++;
      if (x > 4.5) far++;
      if (x >= 2 && x < 2.2) band++;
    }
    const check = (count: number, p: number) => {
      const e = a.length * p;
      expect(Math.abs(count - e)).toBeLessThan(5 * Math.sqrt(e * (1 - p)));
    };
    check(tail, 2 * normalQ(ZIG_R));
    check(far, 2 * normalQ(4.5));
    check(band, 2 * normalMass(2, 2.2));
  });

  it('normalArray(Float64Array) gives the same numbers as successive normal() calls', () => {
    const a = createRng(35),
      b = createRng(35);
    const arr = a.normalArray(new Float64Array(1000), 1, 2);
    expect(Array.from(arr)).toEqual(Array.from({ length: 1000 }, () => b.normal(1, 2)));
  });

  it('fills 1e7 float32 normals, all finite (throughput is measured by npm run bench, not asserted here)', () => {
    const out = createRng(36).normalArray(new Float32Array(10_000_000));
    expect(out.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('rejects a negative std or a non-finite mean', () => {
    const rng = createRng(1);
    expect(() => rng.normal(0, -1)).toThrow(TensorError);
    expect(() => rng.normal(NaN)).toThrow(/mean/);
    expect(() => rng.normalArray(10, 0, -2)).toThrow(/std/);
    expect(rng.normal(4, 0)).toBe(4);
  });
});
