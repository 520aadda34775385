import { tf, toRng, type SeedOrRng } from '@neurite/tensor';
import { CentroidClassifier } from './classifiers.js';
import { rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `LeHDCClassifier.fitAsync`. */
export interface LeHDCOptions {
  /** Epochs (default 10). */
  epochs?: number;
  /** Adam learning rate (default 0.01). */
  lr?: number;
  /** Mini-batch size (default 64). */
  batchSize?: number;
  /** L2 weight decay on the latent weights (default 0). */
  weightDecay?: number;
  /** Seed of the mini-batch order. */
  seed?: SeedOrRng;
}

/**
 * LeHDC (Duan et al. 2022, "LeHDC: learning-based hyperdimensional computing classifier"): the
 * binary class hypervectors are the weights of a one-layer binary neural network trained by
 * gradient descent. Latent real weights L [D, C] (initialised from the centroids), forward
 * logits = x · sign(L) / √D, softmax cross-entropy, backward through sign by the straight-through
 * estimator ∂sign(l)/∂l ≈ 1_{|l| ≤ 1}, Adam. After training `weight` holds sign(L)ᵀ (±1), used
 * like any centroid model (cosine = dot / (√D‖x‖) for bipolar weights). Runs on the active tfjs
 * backend; the mini-batch order comes from `seed`. Dropout of the paper is not applied.
 */
export class LeHDCClassifier extends CentroidClassifier {
  async fitAsync(x: Float32Array, y: ArrayLike<number>, opts: LeHDCOptions = {}): Promise<this> {
    const D = this.dim,
      C = this.classes,
      n = rowsOf('LeHDC.fit', x, D, 'x');
    if (y?.length !== n) throw new HrrError('y', `LeHDC.fit: y has length ${y?.length}, expected ${n}`, { code: 'ERR_SHAPE' });
    super.fit(x, y);
    const init = new Float32Array(D * C);
    for (let c = 0; c < C; c++) {
      let e = 0;
      for (let j = 0; j < D; j++) e += this.weight[c * D + j] ** 2;
      const s = 1 / Math.sqrt(e || 1);
      for (let j = 0; j < D; j++) init[j * C + c] = this.weight[c * D + j] * s * Math.sqrt(D) * 0.5;
    }
    const L = tf.variable(tf.tensor2d(init, [D, C]));
    const opt = tf.train.adam(opts.lr ?? 0.01);
    const signSte = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
      const w = args[0] as tf.Tensor;
      (args[1] as tf.GradSaveFunc)([w]);
      return {
        value: tf.sign(w),
        gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
          tf.mul(dy as tf.Tensor, tf.cast(tf.lessEqual(tf.abs(saved[0]), 1), 'float32')),
      };
    });
    const rng = toRng(opts.seed ?? 0, 'seed', HrrError);
    const bs = opts.batchSize ?? 64,
      wd = opts.weightDecay ?? 0,
      scale = 1 / Math.sqrt(D);
    const labels = Int32Array.from(y);
    try {
      for (let e = 0; e < (opts.epochs ?? 10); e++) {
        const perm = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
        for (let s = 0; s < n; s += bs) {
          const idx = perm.subarray(s, Math.min(n, s + bs));
          const xb = new Float32Array(idx.length * D),
            yb = new Int32Array(idx.length);
          idx.forEach((r, i) => {
            xb.set(x.subarray(r * D, (r + 1) * D), i * D);
            yb[i] = labels[r];
          });
          const cost: tf.Scalar | null = tf.tidy(() => {
            const X = tf.tensor2d(xb, [idx.length, D]),
              Y = tf.oneHot(tf.tensor1d(yb, 'int32'), C);
            return opt.minimize(
              () => {
                const logits = tf.mul(tf.matMul(X, signSte(L) as tf.Tensor2D), scale);
                const ce = tf.losses.softmaxCrossEntropy(Y, logits);
                return (wd > 0 ? tf.add(ce, tf.mul(wd, tf.mean(tf.square(L)))) : ce) as tf.Scalar;
              },
              true,
              [L],
            ) as tf.Scalar;
          }) as tf.Scalar | null;
          cost?.dispose();
        }
      }
      const w = (await tf.sign(L).data()) as Float32Array;
      for (let c = 0; c < C; c++) for (let j = 0; j < D; j++) this.weight[c * D + j] = w[j * C + c] >= 0 ? 1 : -1;
    } finally {
      L.dispose();
      opt.dispose();
    }
    return this;
  }
}
