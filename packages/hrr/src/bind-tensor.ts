import { tf, type Tensor2D } from '@neurite/tensor';
import { bind } from './bind.js';
import { broadcastRows } from './check.js';
import { HrrError } from './hrr-error.js';
import { unbind } from './unbind.js';
import { otherModelOp } from './other-model-tensor.js';
import type { VsaModel } from './vsa.js';

/** Options of `bindTensor` / `unbindTensor`. */
export interface BindTensorOptions {
  /** The model whose binding is applied (default 'hrr'; see `Vsa`). */
  model?: VsaModel;
  /** bsbc: block length L (default 16); ghrr: matrix size m (default 2), as in `createVsa`. */
  blockSize?: number;
  /** cgr, mcr: the group order q (default 16). */
  levels?: number;
}

const SPECTRAL_KERNELS = ['FFT', 'IFFT', 'Complex', 'Real', 'Imag'];
const TWO_PI = 2 * Math.PI;

/**
 * Tensor path of binding: [batch, D] tensors on the active tfjs backend (a single row
 * broadcasts against a batch), for batches that already live on a GPU or that the caller
 * reads back itself (`await t.data()`). Nothing is downloaded: the result stays on the backend.
 * - hrr: circular convolution by `tf.spectral` (even D: rfft/irfft; odd D: a complex fft of
 *   the zero-imaginary signal). On the tfjs `cpu` backend, whose FFT kernel is an O(D²) DFT
 *   for D not a power of two, the op runs this package's typed-array `bind` on the tensor's
 *   values instead (they are in memory there).
 * - fhrr: angle addition wrapped into [−π, π); map: elementwise product.
 * - bsc: XOR as a + b − 2ab; cgr, mcr: (a ± b) mod q;
 * - bsbc: hot indices added (unbind: subtracted) mod L per block, for one-hot blocks (elements of
 *   the model, e.g. from `random` or `normalize`), as `tf.oneHot` of the arg-max indices;
 * - vtb, tvtb: batched d×d matrix products (`tf.matMul`), as `Vsa.bind` / `Vsa.unbind`;
 * - ghrr: batched complex m×m products on the real and imaginary parts.
 *
 * Returns a new tensor the caller disposes.
 * @throws HrrError (`ERR_SHAPE`) for operands that are not [batch, D] tensors of one D with
 * equal batches or a single row; (`ERR_BACKEND`) for hrr on a backend without FFT kernels.
 */
export function bindTensor(a: Tensor2D, b: Tensor2D, opts: BindTensorOptions = {}): Tensor2D {
  return tensorOp('bindTensor', a, b, false, 'a', 'b', opts.model, opts);
}

/** @internal bindTensor (conjA false) and unbindTensor (conjA true: the key `a` is inverted). */
export function tensorOp(
  fn: string,
  a: Tensor2D,
  b: Tensor2D,
  conjA: boolean,
  an: string,
  bn: string,
  model: VsaModel = 'hrr',
  opts: BindTensorOptions = {},
): Tensor2D {
  const [n, d] = checkPair(fn, a, b, an, bn);
  if (model === 'map') return tf.mul(a, b) as Tensor2D;
  if (model !== 'hrr' && model !== 'fhrr') return otherModelOp(fn, a, b, conjA, model, n, d, opts);
  if (model === 'fhrr') {
    return tf.tidy(() => {
      const x = conjA ? tf.sub(b, a) : tf.add(a, b);
      return tf.sub(x, tf.mul(TWO_PI, tf.floor(tf.div(tf.add(x, Math.PI), TWO_PI)))) as Tensor2D;
    });
  }
  if (model !== 'hrr') throw new HrrError('model', `${fn}: model must be 'hrr', 'fhrr' or 'map', got ${JSON.stringify(model)}`);
  const backend = tf.getBackend();
  if (backend === 'cpu') {
    // The cpu backend keeps tensor values in JS memory: dataSync is a copy, not a device read.
    const av = a.dataSync() as Float32Array,
      bv = b.dataSync() as Float32Array;
    return tf.tensor2d(conjA ? unbind(bv, av, { dim: d }) : bind(av, bv, { dim: d }), [n, d]);
  }
  if (!SPECTRAL_KERNELS.every((k) => tf.getKernel(k, backend) !== undefined)) {
    throw new HrrError(
      'backend',
      `${fn}: the ${JSON.stringify(backend)} backend has no FFT kernels; use the typed-array bind/unbind, or the cpu, wasm, webgl or webgpu backend`,
      { code: 'ERR_BACKEND' },
    );
  }
  return tf.tidy(() => {
    const even = d % 2 === 0 && d > 2;
    const spec = (x: Tensor2D) => (even ? tf.spectral.rfft(x) : tf.spectral.fft(tf.complex(x, tf.zerosLike(x))));
    const A = spec(a),
      B = spec(b);
    const ar = tf.real(A),
      ai0 = tf.imag(A),
      br = tf.real(B),
      bi = tf.imag(B);
    const ai = conjA ? tf.neg(ai0) : ai0;
    const cr = tf.sub(tf.mul(ar, br), tf.mul(ai, bi));
    const ci = tf.add(tf.mul(ar, bi), tf.mul(ai, br));
    const C = tf.complex(cr, ci);
    const y = even ? tf.spectral.irfft(C) : tf.real(tf.spectral.ifft(C));
    return tf.reshape(y, [n, d]) as Tensor2D;
  });
}

function checkPair(fn: string, a: Tensor2D, b: Tensor2D, an: string, bn: string): [number, number] {
  for (const [t, n] of [
    [a, an],
    [b, bn],
  ] as const) {
    if (!(t instanceof tf.Tensor) || t.rank !== 2) {
      throw new HrrError(n, `${fn}: ${n} must be a rank-2 tensor [batch, D], got ${t instanceof tf.Tensor ? `rank ${t.rank}` : typeof t}`, {
        code: t instanceof tf.Tensor ? 'ERR_SHAPE' : 'ERR_INVALID_ARGUMENT',
      });
    }
  }
  const [na, d] = a.shape,
    [nb, db] = b.shape;
  if (d !== db) throw new HrrError(bn, `${fn}: ${an} has D=${d} but ${bn} has D=${db}`, { code: 'ERR_SHAPE' });
  return [broadcastRows(fn, na, nb, an, bn), d];
}
