import { tf, type Tensor, type Tensor2D } from '@neurite/tensor';
import { HrrError } from './hrr-error.js';
import type { BindTensorOptions } from './bind-tensor.js';
import type { VsaModel } from './vsa.js';

/** x mod q into [0, q) for float tensors (floor modulo). */
function floorMod(x: Tensor, q: number): Tensor {
  return tf.sub(x, tf.mul(q, tf.floor(tf.div(x, q))));
}

/**
 * @internal Tensor binding (conjA false) / unbinding of the left operand (conjA true: recovers b
 * from a and c = bind(a, b)) for bsc, bsbc, cgr, mcr, vtb, tvtb and ghrr; [n, D] in and out, n the
 * broadcast batch. The same arithmetic as the typed-array models.
 */
export function otherModelOp(
  fn: string,
  a: Tensor2D,
  b: Tensor2D,
  conjA: boolean,
  model: VsaModel,
  n: number,
  d: number,
  opts: BindTensorOptions,
): Tensor2D {
  return tf.tidy(() => {
    const A = a.shape[0] === n ? a : tf.broadcastTo(a, [n, d]),
      B = b.shape[0] === n ? b : tf.broadcastTo(b, [n, d]);
    switch (model) {
      case 'bsc':
        return tf.sub(tf.add(A, B), tf.mul(2, tf.mul(A, B))) as Tensor2D;
      case 'cgr':
      case 'mcr': {
        const q = opts.levels ?? 16;
        return floorMod(tf.round(conjA ? tf.sub(B, A) : tf.add(A, B)), q) as Tensor2D;
      }
      case 'bsbc': {
        const L = opts.blockSize ?? 16;
        if (d % L !== 0) throw new HrrError('blockSize', `${fn}: blockSize=${L} must divide D=${d}`, { code: 'ERR_SHAPE' });
        const ia = tf.cast(tf.argMax(tf.reshape(A, [n * (d / L), L]), 1), 'float32'),
          ib = tf.cast(tf.argMax(tf.reshape(B, [n * (d / L), L]), 1), 'float32');
        const idx = floorMod(conjA ? tf.sub(ib, ia) : tf.add(ia, ib), L);
        // int32 one-hot then a cast: tfjs-backend-wasm 4.22 writes int bits into a float32 oneHot
        return tf.reshape(tf.cast(tf.oneHot(tf.cast(idx, 'int32'), L), 'float32'), [n, d]) as Tensor2D;
      }
      case 'vtb':
      case 'tvtb': {
        const m = Math.round(Math.sqrt(d));
        if (m * m !== d) throw new HrrError('a', `${fn}: the ${model} model needs a square D, got ${d}`, { code: 'ERR_SHAPE' });
        const X = tf.reshape(A, [n, m, m]),
          Y = tf.reshape(B, [n, m, m]);
        // vtb: bind √d·X Yᵀ, unbind √d·Yᵀ X (Y = c); tvtb: bind √d·X Y, unbind √d·Xᵀ Y
        const P = conjA
          ? model === 'vtb'
            ? tf.matMul(Y, X, true, false)
            : tf.matMul(X, Y, true, false)
          : tf.matMul(X, Y, false, model === 'vtb');
        return tf.reshape(tf.mul(Math.sqrt(m), P), [n, d]) as Tensor2D;
      }
      case 'ghrr': {
        const m = opts.blockSize ?? 2,
          E = 2 * m * m;
        if (d % E !== 0) throw new HrrError('blockSize', `${fn}: 2·blockSize² = ${E} must divide D=${d}`, { code: 'ERR_SHAPE' });
        const k = d / E;
        const parts = (t: Tensor) => tf.split(tf.reshape(t, [n * k, 2, m, m]), 2, 1).map((p) => tf.reshape(p, [n * k, m, m]));
        const [ar, ai] = parts(A),
          [br, bi] = parts(B);
        let cr: Tensor, ci: Tensor;
        if (conjA) {
          // a^† b: re = arᵀ br + aiᵀ bi, im = arᵀ bi − aiᵀ br
          cr = tf.add(tf.matMul(ar, br, true, false), tf.matMul(ai, bi, true, false));
          ci = tf.sub(tf.matMul(ar, bi, true, false), tf.matMul(ai, br, true, false));
        } else {
          cr = tf.sub(tf.matMul(ar, br), tf.matMul(ai, bi));
          ci = tf.add(tf.matMul(ar, bi), tf.matMul(ai, br));
        }
        return tf.reshape(tf.stack([cr, ci], 1), [n, d]) as Tensor2D;
      }
      default:
        throw new HrrError(
          'model',
          `${fn}: model must be one of hrr, fhrr, map, bsc, bsbc, cgr, mcr, vtb, tvtb, ghrr, got ${JSON.stringify(model)}`,
        );
    }
  });
}
