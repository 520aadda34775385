import { tf, type Tensor2D } from '@neurite/tensor';
import { bind } from './bind.js';
import { HrrError } from './hrr-error.js';
import { unbind } from './unbind.js';

const SPECTRAL_KERNELS = ['FFT', 'IFFT', 'Complex', 'Real', 'Imag'];

/** True when the active backend has the complex/FFT kernels `tf.spectral` needs. */
export function backendHasFft(): boolean {
  const backend = tf.getBackend();
  return SPECTRAL_KERNELS.every((k) => tf.getKernel(k, backend) !== undefined);
}

function checkPair(fn: string, a: Tensor2D, b: Tensor2D, an: string, bn: string): [number, number] {
  for (const [t, n] of [[a, an], [b, bn]] as const) {
    if (!(t instanceof tf.Tensor) || t.rank !== 2) throw new HrrError(n, `${fn}: ${n} must be a rank-2 tensor [batch, D], got ${t instanceof tf.Tensor ? `rank ${t.rank}` : typeof t}`);
  }
  const [na, d] = a.shape, [nb, db] = b.shape;
  if (d !== db) throw new HrrError(bn, `${fn}: ${an} has D=${d} but ${bn} has D=${db}`);
  if (na !== nb && na !== 1 && nb !== 1) throw new HrrError(bn, `${fn}: ${an} has ${na} rows and ${bn} has ${nb}; expected equal counts or one of them 1`);
  return [Math.max(na, nb), d];
}

/**
 * Tensor path of HRR binding: circular convolution of [batch, D] tensors (single rows
 * broadcast) with `tf.spectral` on the active backend. Even D uses rfft/irfft, odd D a
 * complex fft of the zero-imaginary signal. On the tfjs `cpu` backend (whose FFT kernel is an
 * O(D²) DFT for D not a power of two, and never faster than this package's typed-array path on
 * the same thread) and on a backend without FFT kernels, the op runs the CPU path with a
 * download/upload instead.
 * Returns a new tensor the caller disposes.
 */
export function bindTensor(a: Tensor2D, b: Tensor2D): Tensor2D {
  return spectralTensor('bindTensor', a, b, false, 'a', 'b');
}

/** Tensor path of HRR unbinding: circular correlation a^† ⊛ c of [batch, D] tensors. */
export function unbindTensor(c: Tensor2D, a: Tensor2D): Tensor2D {
  return spectralTensor('unbindTensor', a, c, true, 'a', 'c');
}

function spectralTensor(fn: string, a: Tensor2D, b: Tensor2D, conjA: boolean, an: string, bn: string): Tensor2D {
  const [n, d] = checkPair(fn, a, b, an, bn);
  if (tf.getBackend() === 'cpu' || !backendHasFft()) {
    const av = a.dataSync() as Float32Array, bv = b.dataSync() as Float32Array;
    const out = conjA ? unbind(bv, av, { dim: d }) : bind(av, bv, { dim: d });
    return tf.tensor2d(out, [n, d]);
  }
  return tf.tidy(() => {
    const even = d % 2 === 0 && d > 2;
    const spec = (x: Tensor2D) => (even ? tf.spectral.rfft(x) : tf.spectral.fft(tf.complex(x, tf.zerosLike(x))));
    const A = spec(a), B = spec(b);
    const ar = tf.real(A), ai0 = tf.imag(A), br = tf.real(B), bi = tf.imag(B);
    const ai = conjA ? tf.neg(ai0) : ai0;
    const cr = tf.sub(tf.mul(ar, br), tf.mul(ai, bi));
    const ci = tf.add(tf.mul(ar, bi), tf.mul(ai, br));
    const C = tf.complex(cr, ci);
    const y = even ? tf.spectral.irfft(C) : tf.real(tf.spectral.ifft(C));
    return tf.reshape(y, [n, d]) as Tensor2D;
  });
}
