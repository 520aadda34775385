/**
 * Spectral conformance: tf.spectral.fft / ifft / rfft / irfft and the complex64
 * kernels they use (Complex, Real, Imag, ComplexAbs, complex Add / Multiply),
 * which Neurite registers for wasm; plus Neurite's own rfft / irfft (plain JS,
 * so this checks the browser bundle computes the same). Every backend is
 * compared with cpu. Inputs come from a fixed integer recurrence.
 */
import { tf, rfft, irfft } from '../../src/index.js';
import type { CaseOutput, ConformanceCase } from './types.js';
import { fill, readOutputs } from './case-data.js';

function real(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    fill(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
    'float32',
  );
}

function cplx(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => tf.complex(real(shape, seed), real(shape, seed + 7)));
}

/** Evaluate `fn` in a tidy scope, then read and dispose the tensors it returns. */
function read(fn: () => Record<string, tf.Tensor>): Promise<CaseOutput> {
  return readOutputs(tf.tidy(fn));
}

const SPECTRAL_TOL = {
  atol: 2e-4,
  rtol: 1e-3,
  toleranceReason:
    'float32 transforms: sums of n terms of size <= 1 with float32 twiddles (GPU shaders use a naive float32 DFT with shader sin/cos); cpu itself is a float32 naive DFT for non powers of two',
};

export const cases: ConformanceCase[] = [
  {
    name: 'complex64: complex, real, imag, abs, add, mul',
    run: () =>
      read(() => {
        const a = cplx([3, 5], 1);
        const b = cplx([3, 5], 2);
        return { a, re: tf.real(a), im: tf.imag(a), abs: tf.abs(a), sum: tf.add(a, b), prod: tf.mul(a, b) };
      }),
  },
  {
    name: 'spectral.fft / ifft, n = 8 (power of two), batch 3',
    ...SPECTRAL_TOL,
    run: () =>
      read(() => {
        const z = cplx([3, 8], 3);
        return { fft: tf.spectral.fft(z), ifft: tf.spectral.ifft(z) };
      }),
  },
  {
    name: 'spectral.fft / ifft, n = 12 and n = 7, batched',
    ...SPECTRAL_TOL,
    atol: 1e-3,
    toleranceReason:
      SPECTRAL_TOL.toleranceReason +
      "; tfjs's own webgl/webgpu FFT shaders evaluate the twiddles with shader sin/cos, which SwiftShader computes to about 4e-4 absolute here",
    run: () =>
      read(() => {
        const z = cplx([2, 12], 4);
        const w = cplx([4, 7], 5);
        return { fft12: tf.spectral.fft(z), ifft12: tf.spectral.ifft(z), fft7: tf.spectral.fft(w), ifft7: tf.spectral.ifft(w) };
      }),
  },
  {
    name: 'spectral.rfft / irfft, n = 16 and n = 10, batched',
    ...SPECTRAL_TOL,
    run: () =>
      read(() => {
        const x = real([2, 16], 6);
        const y = real([3, 10], 8);
        const X = tf.spectral.rfft(x);
        const Y = tf.spectral.rfft(y);
        return { X, x2: tf.spectral.irfft(X), Y, y2: tf.spectral.irfft(Y) };
      }),
  },
  {
    name: 'spectral.rfft, n = 100, batch 2 (longer non power of two)',
    ...SPECTRAL_TOL,
    atol: 1e-3,
    toleranceReason: SPECTRAL_TOL.toleranceReason + '; n = 100 terms per sum',
    run: () => read(() => ({ X: tf.spectral.rfft(real([2, 100], 9)) })),
  },
  {
    name: 'neurite rfft / irfft (float64 JS), n = 1000 and n = 1024, batch 2',
    atol: 1e-9,
    rtol: 1e-9,
    toleranceReason:
      'float64 arithmetic, same code on every backend; only Math.sin / Math.cos may differ in the last ulp between JS engines',
    run: async () => {
      const x = fill(2000, 10);
      const X = rfft(x, 1000);
      const y = fill(2048, 11);
      const Y = rfft(y, 1024);
      return { X, x2: irfft(X, 1000), Y, y2: irfft(Y, 1024) };
    },
  },
];
