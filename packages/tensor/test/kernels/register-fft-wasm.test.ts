import { describe, it, expect, afterAll } from 'vitest';
import { tf, setBackend, expectNoLeaks } from '../../src/index.js';
import { testValues, runOn, gamma32 } from './backend-compare.js';
import { directDft, dftBound, norms } from '../fft/direct-dft.js';

/*
 * Tolerances. The wasm kernels transform in float64 (the package's FFT plans) and
 * round the result to float32 once: within 2^-24 |X_k| of the float64 result,
 * which is within dftBound of the direct DFT (test/fft/direct-dft.ts). tfjs's cpu
 * backend transforms in float32 (a naive DFT, or radix-2 for powers of two):
 * within cpuBound = gamma32(n + 4) ||x||_1 + beta32(n) sqrt(n) ||x||_2 of the
 * exact DFT (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
 * eq. 3.5 and Theorem 24.2 with float32's u = 2^-24; the sum covers either
 * algorithm). Two results are compared against the sum of their bounds.
 */
const U32 = 2 ** -24;
function beta32(n: number): number {
  const L = Math.max(1, Math.ceil(Math.log2(n)));
  const eta = U32 + gamma32(4) * (Math.SQRT2 + U32);
  return (L * eta) / (1 - L * eta);
}
function cpuBound(x: ArrayLike<number>, n: number, scale = 1): number {
  const { l1, l2 } = norms(x);
  return scale * (gamma32(n + 4) * l1 + beta32(n) * Math.sqrt(n) * l2) + U32 * scale * l1;
}
/** Bound on |wasm_k - exact_k| for a transform of x (one row): float64 bound plus the float32 rounding of |X_k| <= ||x||_1. */
function wasmBound(x: ArrayLike<number>, n: number, scale = 1): number {
  return dftBound(x, n, scale) + U32 * scale * norms(x).l1;
}
function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
/** Row b of a [rows, n] complex batch as an interleaved Float64Array, from separate re / im arrays. */
function rowOf(re: ArrayLike<number>, im: ArrayLike<number> | null, b: number, n: number): Float64Array {
  const x = new Float64Array(2 * n);
  for (let t = 0; t < n; t++) {
    x[2 * t] = re[b * n + t];
    x[2 * t + 1] = im === null ? 0 : im[b * n + t];
  }
  return x;
}

afterAll(async () => {
  await setBackend('wasm');
});

/** Run fn on cpu and on wasm; return both results. */
async function both(fn: () => tf.Tensor[]) {
  const cpu = await runOn('cpu', fn);
  const wasm = await runOn('wasm', fn);
  return { cpu, wasm };
}

function complexInput(shape: number[], seed: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.complex(tf.tensor(testValues(size, seed), shape), tf.tensor(testValues(size, seed + 1), shape));
}

describe('wasm complex64 kernels match cpu', () => {
  it('Complex, Real, Imag, ComplexAbs, dataSync layout', async () => {
    const { cpu, wasm } = await both(() => {
      const z = complexInput([3, 4, 5], 1);
      return [z, tf.real(z), tf.imag(z), tf.abs(z)];
    });
    expect(wasm.dtypes).toEqual(['complex64', 'float32', 'float32', 'float32']);
    expect(wasm.shapes).toEqual(cpu.shapes);
    expect(wasm.values[0].length).toBe(2 * 60);
    // complex, real and imag copy float32 values: exact. |z| = sqrt(re^2 + im^2) takes at most 4 roundings
    // (two squares, a sum, the root) on either backend, |z| <= sqrt(2): they differ by at most 2 gamma32(4) sqrt(2).
    for (let i = 0; i < 3; i++) expect(Array.from(wasm.values[i])).toEqual(Array.from(cpu.values[i]));
    expect(maxAbsDiff(wasm.values[3], cpu.values[3])).toBeLessThanOrEqual(2 * gamma32(4) * Math.SQRT2);
  });

  it('data() (async read) of a complex64 tensor', async () => {
    await setBackend('wasm');
    const z = tf.complex([1, 2], [3, 4]);
    expect(Array.from(await z.data())).toEqual([1, 3, 2, 4]);
    z.dispose();
  });

  it.each([1, 2, 3, 5, 8, 12, 97, 128, 360, 1000])('FFT and IFFT, n = %i, batched', async (n) => {
    const { cpu, wasm } = await both(() => {
      const z = complexInput([3, n], n);
      return [tf.spectral.fft(z), tf.spectral.ifft(z)];
    });
    expect(wasm.shapes).toEqual([
      [3, n],
      [3, n],
    ]);
    expect(wasm.dtypes).toEqual(['complex64', 'complex64']);
    // against the float64 direct DFT of the same float32 inputs, and against cpu (float32), per row
    const re = testValues(3 * n, n);
    const im = testValues(3 * n, n + 1);
    for (let b = 0; b < 3; b++) {
      const x = rowOf(re, im, b, n);
      const row = (v: Float32Array) => v.subarray(2 * n * b, 2 * n * (b + 1));
      expect(maxAbsDiff(row(wasm.values[0]), directDft(x, n, -1))).toBeLessThanOrEqual(wasmBound(x, n));
      expect(maxAbsDiff(row(wasm.values[1]), directDft(x, n, 1, 1 / n))).toBeLessThanOrEqual(wasmBound(x, n, 1 / n));
      expect(maxAbsDiff(row(wasm.values[0]), row(cpu.values[0]))).toBeLessThanOrEqual(wasmBound(x, n) + cpuBound(x, n));
      expect(maxAbsDiff(row(wasm.values[1]), row(cpu.values[1]))).toBeLessThanOrEqual(wasmBound(x, n, 1 / n) + cpuBound(x, n, 1 / n));
    }
  });

  it.each([[[16]], [[2, 10]], [[2, 3, 9]], [[4, 1024]]])('tf.spectral.rfft / irfft, shape %j', async (shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const { cpu, wasm } = await both(() => {
      const x = tf.tensor(testValues(size, 9), shape);
      const X = tf.spectral.rfft(x);
      return [X, tf.spectral.irfft(X)];
    });
    expect(wasm.shapes).toEqual(cpu.shapes);
    // Per row of n: rfft is the complex transform of the real row (bins 0..n/2 kept); irfft completes the
    // Hermitian spectrum (each bin used at most twice) and transforms back with 1/n, so its bound is twice
    // the transform bound of the spectrum's row plus the forward error carried through (norm 1/sqrt(n) times
    // sqrt(2) for the mirrored bins, bounded here by the forward bounds summed over the row's 2 n entries / n).
    const n = shape[shape.length - 1];
    const rows = size / n;
    const bins = Math.floor(n / 2) + 1;
    const xs = testValues(size, 9);
    for (let r = 0; r < rows; r++) {
      const x = rowOf(xs, null, r, n);
      const fwd = wasmBound(x, n) + cpuBound(x, n);
      const specRow = (v: Float32Array) => v.subarray(2 * bins * r, 2 * bins * (r + 1));
      expect(maxAbsDiff(specRow(wasm.values[0]), specRow(cpu.values[0]))).toBeLessThanOrEqual(fwd);
      const spec = Float64Array.from(specRow(cpu.values[0]));
      const back = 2 * (wasmBound(spec, n, 1 / n) + cpuBound(spec, n, 1 / n)) + (2 * fwd * 2 * bins) / n;
      const outRow = (v: Float32Array) => v.subarray(n * r, n * (r + 1));
      expect(maxAbsDiff(outRow(wasm.values[1]), outRow(cpu.values[1]))).toBeLessThanOrEqual(back);
      if (n % 2 === 0) {
        // even length: irfft(rfft(x)) = x, within the wasm forward and inverse bounds
        const own = Float64Array.from(specRow(wasm.values[0]));
        expect(
          maxAbsDiff(
            outRow(wasm.values[1]),
            x.filter((_, i) => i % 2 === 0),
          ),
        ).toBeLessThanOrEqual(2 * wasmBound(own, n, 1 / n) + (2 * wasmBound(x, n) * 2 * bins) / n);
      }
    }
  });

  it('rfft with fftLength (crop and zero-pad)', async () => {
    const { cpu, wasm } = await both(() => {
      const x = tf.tensor(testValues(24, 4), [2, 12]);
      return [tf.spectral.rfft(x, 8), tf.spectral.rfft(x, 20)];
    });
    expect(wasm.shapes).toEqual([
      [2, 5],
      [2, 11],
    ]);
    const xs = testValues(24, 4);
    for (const [i, len] of [
      [0, 8],
      [1, 20],
    ] as const) {
      const bins = len / 2 + 1;
      for (let r = 0; r < 2; r++) {
        const x = new Float64Array(2 * len);
        for (let t = 0; t < Math.min(12, len); t++) x[2 * t] = xs[12 * r + t];
        const row = (v: Float32Array) => v.subarray(2 * bins * r, 2 * bins * (r + 1));
        expect(maxAbsDiff(row(wasm.values[i]), row(cpu.values[i]))).toBeLessThanOrEqual(wasmBound(x, len) + cpuBound(x, len));
      }
    }
  });

  it('elementwise complex ops: add, sub, mul, cast, clone, zerosLike, onesLike', async () => {
    const { cpu, wasm } = await both(() => {
      const a = complexInput([2, 3], 20);
      const b = complexInput([2, 3], 30);
      const r = tf.tensor(testValues(6, 40), [2, 3]);
      return [
        tf.add(a, b),
        tf.sub(a, b),
        tf.mul(a, b),
        tf.cast(a, 'float32'),
        tf.cast(r, 'complex64'),
        tf.clone(a),
        tf.zerosLike(a),
        tf.onesLike(a),
        tf.mul(a, r),
      ];
    });
    expect(wasm.dtypes).toEqual(cpu.dtypes);
    // Inputs in [-1, 1): each output is at most 2 products or sums of them (complex multiply: ac - bd) with
    // sum |terms| <= 2 and at most 3 roundings; two backends differ by at most 2 gamma32(3) * 2.
    for (let i = 0; i < cpu.values.length; i++) expect(maxAbsDiff(wasm.values[i], cpu.values[i])).toBeLessThanOrEqual(4 * gamma32(3));
  });

  it('complex add / mul broadcast (numpy rules) and neg against the definition', async () => {
    // (cpu 4.22 gives NaN for broadcast complex add and has no complex neg: the reference is computed here)
    const are = testValues(6, 50),
      aim = testValues(6, 51),
      bre = testValues(3, 52),
      bim = testValues(3, 53);
    const { values, shapes } = await runOn('wasm', () => {
      const a = tf.complex(tf.tensor(are, [2, 3]), tf.tensor(aim, [2, 3]));
      const b = tf.complex(tf.tensor(bre, [3]), tf.tensor(bim, [3]));
      return [tf.add(a, b), tf.mul(b, a), tf.add(a, tf.scalar(2)), tf.neg(a)];
    });
    expect(shapes).toEqual([
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    // float32 results against the float64 definition: a sum rounds once (<= 2^-24 |sum|), a complex product
    // ac - bd at most 3 times (<= gamma32(3) (|ac| + |bd|)).
    const close = (got: number, want: number, absTerms: number, roundings: number) =>
      expect(Math.abs(got - want)).toBeLessThanOrEqual(gamma32(roundings) * absTerms);
    for (let i = 0; i < 6; i++) {
      const j = i % 3;
      close(values[0][2 * i], are[i] + bre[j], Math.abs(are[i]) + Math.abs(bre[j]), 1);
      close(values[0][2 * i + 1], aim[i] + bim[j], Math.abs(aim[i]) + Math.abs(bim[j]), 1);
      close(values[1][2 * i], are[i] * bre[j] - aim[i] * bim[j], Math.abs(are[i] * bre[j]) + Math.abs(aim[i] * bim[j]), 3);
      close(values[1][2 * i + 1], are[i] * bim[j] + aim[i] * bre[j], Math.abs(are[i] * bim[j]) + Math.abs(aim[i] * bre[j]), 3);
      close(values[2][2 * i], are[i] + 2, Math.abs(are[i]) + 2, 1);
      expect(values[2][2 * i + 1]).toBe(aim[i]);
      expect(values[3][2 * i]).toBe(-are[i]);
      expect(values[3][2 * i + 1]).toBe(-aim[i]);
    }
  });

  it('no tensor leaks over many spectral calls on wasm', async () => {
    await setBackend('wasm');
    const x = tf.tensor(testValues(2 * 100, 3), [2, 100]);
    await expectNoLeaks(
      () => {
        tf.tidy(() => {
          const X = tf.spectral.rfft(x);
          tf.spectral.irfft(X);
          tf.abs(tf.spectral.ifft(tf.spectral.fft(tf.complex(x, x))));
        });
      },
      { iterations: 2000 },
    );
    x.dispose();
  });
});
