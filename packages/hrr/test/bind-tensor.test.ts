import { describe, expect, it } from 'vitest';
import { expectNoLeaks, setBackend, tf, type Tensor2D } from '@neurite/tensor';
import { bind, bindTensor, createVsa, dot, HrrError, randomVectors, unbind, unbindTensor, type VsaModel } from '../src/index.js';
import { f32Tol, maxAbs, maxAbsDiff, row, U32 } from './helpers.js';

/**
 * The tensor path against the typed-array path (itself checked against the direct O(D²)
 * convolution in bind.test.ts). On the cpu backend the hrr tensor path runs the typed-array
 * code itself: equal. On wasm, tf.spectral runs Neurite's FFT kernels (float64 inside, float32
 * tensors in between): the spectra A and B are stored as float32 (2 roundings) and the complex
 * product takes two products and a sum per component (3 more), each relative to |A_k||B_k|; the
 * inverse transform spreads them as |δc_t| ≤ (1/D)Σ_k 5u|A_k||B_k| ≤ 5u·‖a‖₂‖b‖₂ (Cauchy–Schwarz
 * and Parseval), and the output rounding adds u·|c_t|.
 */
const spectralTol = (a: ArrayLike<number>, b: ArrayLike<number>, ref: ArrayLike<number>) =>
  5 * U32 * Math.sqrt(dot(a, a) * dot(b, b)) + f32Tol(1, maxAbs(ref));

describe.each(['cpu', 'wasm'] as const)('bindTensor / unbindTensor on %s', (backend) => {
  it.each([7, 64, 1000])('hrr equals the typed-array bind/unbind (D = %i, batch 5, single-row broadcast)', async (D) => {
    await setBackend(backend);
    const A = randomVectors('hrr', D, 'ta', 5),
      b = randomVectors('hrr', D, 'tb');
    const ref = bind(A, b),
      refU = unbind(ref, b);
    const ta = tf.tensor2d(A, [5, D]) as Tensor2D,
      tb = tf.tensor2d(b, [1, D]) as Tensor2D,
      tc = tf.tensor2d(ref, [5, D]) as Tensor2D;
    const c = bindTensor(ta, tb),
      u = unbindTensor(tc, tb);
    expect(c.shape).toEqual([5, D]);
    const got = (await c.data()) as Float32Array,
      gotU = (await u.data()) as Float32Array;
    if (backend === 'cpu') {
      expect(got).toEqual(ref);
      expect(gotU).toEqual(refU);
    } else {
      for (let r = 0; r < 5; r++) {
        expect(maxAbsDiff(row(got, r, D), row(ref, r, D))).toBeLessThanOrEqual(spectralTol(row(A, r, D), b, row(ref, r, D)));
        expect(maxAbsDiff(row(gotU, r, D), row(refU, r, D))).toBeLessThanOrEqual(spectralTol(row(ref, r, D), b, row(refU, r, D)));
      }
    }
    await expectNoLeaks(
      () => {
        bindTensor(ta, tb).dispose();
        unbindTensor(tc, tb).dispose();
      },
      { iterations: 20 },
    );
    tf.dispose([ta, tb, tc, c, u]);
  });

  it.each(['fhrr', 'map'] as VsaModel[])('%s equals Vsa.bind / Vsa.unbind of the model', async (model) => {
    await setBackend(backend);
    const D = 96,
      vsa = createVsa({ model, dim: D });
    const A = vsa.random('ta', 8),
      B = vsa.random('tb', 8);
    const ta = tf.tensor2d(A, [8, D]) as Tensor2D,
      tb = tf.tensor2d(B, [8, D]) as Tensor2D;
    const c = bindTensor(ta, tb, { model }),
      u = unbindTensor(c, ta, { model });
    const x = (await c.data()) as Float32Array,
      xu = (await u.data()) as Float32Array;
    const y = vsa.bind(A, B),
      yu = vsa.unbind(y, A);
    // fhrr angles near ±π may wrap to the other end: compare through the model's similarity
    // (mean cos of the angle differences). The wrap x − 2π·floor((x + π)/2π) runs in float32 on
    // values below 4π in magnitude: a few roundings, each ≤ u·4π, so angles agree within
    // η = 8u·4π (or differ by 2π) and the similarity is ≥ 1 − η²/2
    const eta = 8 * U32 * 4 * Math.PI,
      same = 1 - eta ** 2 / 2 - f32Tol(0, 1);
    for (let r = 0; r < 8; r++) {
      expect(vsa.similarity(row(x, r, D), row(y, r, D))).toBeGreaterThanOrEqual(same);
      expect(vsa.similarity(row(xu, r, D), row(yu, r, D))).toBeGreaterThanOrEqual(same);
      expect(vsa.similarity(row(xu, r, D), row(B, r, D))).toBeGreaterThanOrEqual(1 - (2 * eta) ** 2 / 2 - f32Tol(0, 1));
    }
    if (model === 'map') {
      expect(x).toEqual(y);
      expect(xu).toEqual(B);
    } // ±1 products are exact
    tf.dispose([ta, tb, c, u]);
  });

  it('rejects bad shapes and unknown models with HrrError codes', async () => {
    await setBackend(backend);
    const a = tf.zeros([2, 4]) as Tensor2D,
      b = tf.zeros([3, 4]) as Tensor2D,
      c = tf.zeros([2, 5]) as Tensor2D;
    expect(() => bindTensor(a, b)).toThrow(HrrError);
    expect(() => bindTensor(a, c)).toThrow(/D=4/);
    try {
      bindTensor(a, c);
    } catch (e) {
      expect((e as HrrError).code).toBe('ERR_SHAPE');
    }
    expect(() => unbindTensor(a, a, { model: 'nope' as VsaModel })).toThrow(/model must be/);
    tf.dispose([a, b, c]);
  });
});

describe('bindTensor on a backend without FFT kernels', () => {
  it('refuses with ERR_BACKEND instead of reading the tensors synchronously', async () => {
    await setBackend('cpu');
    // a backend with no kernels at all (the cpu backend's storage under another name)
    tf.registerBackend('hrr-test-no-fft', tf.findBackendFactory('cpu')!);
    try {
      await tf.setBackend('hrr-test-no-fft');
      const a = tf.tensor2d(randomVectors('hrr', 8, 1), [1, 8]) as Tensor2D;
      expect(() => bindTensor(a, a)).toThrow(expect.objectContaining({ name: 'HrrError', code: 'ERR_BACKEND' }));
      expect(() => unbindTensor(a, a)).toThrow(/has no FFT kernels/);
      a.dispose();
    } finally {
      await setBackend('cpu');
      tf.removeBackend('hrr-test-no-fft');
    }
  });
});
