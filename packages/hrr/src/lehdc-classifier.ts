import { tf, toRng, type SeedOrRng } from '@neurite/tensor';
import { CentroidClassifier } from './classifiers.js';
import { rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';

/** Options of `LeHDCClassifier.fitAsync`. Defaults are torchhd 5.8.4's `LeHDC` (Duan et al. 2022). */
export interface LeHDCOptions {
  /** Epochs (default 120). */
  epochs?: number;
  /** Initial Adam learning rate (default 0.01). */
  lr?: number;
  /** Mini-batch size (default 64). */
  batchSize?: number;
  /**
   * L2 weight decay on the latent weights, coupled as in torch's `Adam(weight_decay)`: the gradient
   * gains wd·L, i.e. the loss gains (wd/2)·‖L‖² (default 0.003).
   */
  weightDecay?: number;
  /**
   * Dropout rate on the encoded samples during training: each entry is zeroed with probability p and
   * the others scaled by 1/(1 − p), masks drawn from `seed` (default 0.3; 0 disables it).
   */
  dropout?: number;
  /**
   * Reduce-on-plateau schedule on the epoch's summed training cross-entropy: after more than `patience`
   * epochs without a relative improvement of 1e-4 the learning rate is multiplied by 0.1 (torch's
   * `ReduceLROnPlateau` defaults; default patience 2; `Infinity` keeps the rate constant).
   */
  patience?: number;
  /** Seed of the mini-batch order and the dropout masks. */
  seed?: SeedOrRng;
  /** Called after each epoch with its index, summed cross-entropy and learning rate (progress, curves). */
  onEpoch?: (epoch: number, loss: number, lr: number) => void;
}

export class LeHDCClassifier extends CentroidClassifier {
  /**
   * Trains on encoded samples x [n, D] (bipolar, e.g. `hardQuantize` of a `RecordEmbedding`) and
   * labels y; afterwards `weight` holds the binary class vectors.
   */
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
    let lr = opts.lr ?? 0.01;
    const opt = tf.train.adam(lr);
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
      wd = opts.weightDecay ?? 0.003,
      p = opts.dropout ?? 0.3,
      patience = opts.patience ?? 2,
      scale = 1 / Math.sqrt(D);
    if (!(p >= 0 && p < 1)) throw new HrrError('dropout', `LeHDC.fit: dropout must be in [0, 1), got ${p}`);
    const keep = 1 / (1 - p),
      mask = new Float32Array(p > 0 ? Math.min(bs, n) * D : 0);
    const labels = Int32Array.from(y);
    let best = Infinity,
      bad = 0;
    try {
      for (let e = 0; e < (opts.epochs ?? 120); e++) {
        const perm = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
        const losses: tf.Scalar[] = [];
        for (let s = 0; s < n; s += bs) {
          const idx = perm.subarray(s, Math.min(n, s + bs));
          const xb = new Float32Array(idx.length * D),
            yb = new Int32Array(idx.length);
          idx.forEach((r, i) => {
            xb.set(x.subarray(r * D, (r + 1) * D), i * D);
            yb[i] = labels[r];
          });
          if (p > 0) {
            const u = rng.uniformArray(mask.subarray(0, xb.length));
            for (let j = 0; j < xb.length; j++) xb[j] = u[j] < p ? 0 : xb[j] * keep;
          }
          let ce: tf.Scalar | null = null;
          const cost: tf.Scalar | null = tf.tidy(() => {
            const X = tf.tensor2d(xb, [idx.length, D]),
              Y = tf.oneHot(tf.tensor1d(yb, 'int32'), C);
            return opt.minimize(
              () => {
                const logits = tf.mul(tf.matMul(X, signSte(L) as tf.Tensor2D), scale);
                const c = tf.losses.softmaxCrossEntropy(Y, logits) as tf.Scalar;
                ce = tf.keep(tf.clone(c));
                return (wd > 0 ? tf.add(c, tf.mul(wd / 2, tf.sum(tf.square(L)))) : c) as tf.Scalar;
              },
              true,
              [L],
            ) as tf.Scalar;
          }) as tf.Scalar | null;
          cost?.dispose();
          // the schedule watches the cross-entropy (torch: the loss before the optimiser's weight decay)
          if (ce) losses.push(ce);
        }
        // one read per epoch (await data(), never a synchronous read of a GPU tensor)
        const total = tf.tidy(() => tf.addN(losses.length ? losses : [tf.scalar(0)]));
        const loss = (await total.data())[0];
        tf.dispose([total, ...losses]);
        opts.onEpoch?.(e, loss, lr);
        if (loss < best * (1 - 1e-4)) {
          best = loss;
          bad = 0;
        } else if (++bad > patience) {
          lr *= 0.1;
          (opt as unknown as { learningRate: number }).learningRate = lr;
          bad = 0;
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
