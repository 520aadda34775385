import { tf, toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import { ridgeRegression } from './composites.js';

/** Training options shared by the iterative classifiers. */
export interface FitOptions {
  /** Passes over the data after the first (default: the classifier's own). */
  epochs?: number;
  /** Learning rate (default: the classifier's own). */
  lr?: number;
  /** Seed of the sample order in each epoch (default 0). */
  seed?: SeedOrRng;
}

/** Labels as an Int32Array, checked against the class count. */
function labelsOf(fn: string, y: ArrayLike<number>, n: number, classes: number): Int32Array {
  if (y?.length !== n) throw new HrrError('y', `${fn}: y has length ${y?.length}, expected ${n}`, { code: 'ERR_SHAPE' });
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= classes)
      throw new HrrError('y', `${fn}: label ${v} outside [0, ${classes})`, { code: 'ERR_OUT_OF_RANGE' });
    out[i] = v;
  }
  return out;
}

function norm(x: ArrayLike<number>, o: number, D: number): number {
  let s = 0;
  for (let j = 0; j < D; j++) s += x[o + j] * x[o + j];
  return Math.sqrt(s);
}

/**
 * Centroid classifier (torchhd `Centroid`/`Vanilla`): one class hypervector W_c ∈ ℝ^D per class;
 * score_c(x) = cos(x, W_c), prediction arg-max. `fit` adds every sample to its class (a single
 * pass); the subclasses add their update rules. Inputs are encoded hypervectors [n, D]
 * (row-major) from an embedding of this package. Scoring is a matmul, on the CPU (`predict`) or
 * on the active tfjs backend (`predictAsync`, batched, read back with `await data()`).
 */
export class CentroidClassifier {
  /** Class hypervectors [classes, D]. */
  weight: Float32Array;
  constructor(
    /** Dimension D of the encoded samples. */
    readonly dim: number,
    /** Number of classes C (labels 0 … C − 1). */
    readonly classes: number,
  ) {
    checkInt('classifier', 'dim', dim, 1);
    checkInt('classifier', 'classes', classes, 2);
    this.weight = new Float32Array(classes * dim);
  }
  /** Cosine scores [n, classes]. */
  scores(x: ArrayLike<number>): Float32Array {
    const D = this.dim,
      C = this.classes,
      n = rowsOf('scores', x, D, 'x');
    const out = new Float32Array(n * C);
    const wn = Array.from({ length: C }, (_, c) => norm(this.weight, c * D, D) || 1);
    for (let r = 0; r < n; r++) {
      const xn = norm(x, r * D, D) || 1;
      for (let c = 0; c < C; c++) {
        let s = 0;
        for (let j = 0; j < D; j++) s += x[r * D + j] * this.weight[c * D + j];
        out[r * C + c] = s / (xn * wn[c]);
      }
    }
    return out;
  }
  /** Labels of x [n, D]: the arg-max of the cosine scores, on the CPU. */
  predict(x: ArrayLike<number>): Int32Array {
    return argmaxRows(this.scores(x), this.classes);
  }
  /** Batched prediction on the active tfjs backend (x [n, D] → labels), in batches of 512 rows. */
  async predictAsync(x: Float32Array): Promise<Int32Array> {
    const D = this.dim,
      n = rowsOf('predictAsync', x, D, 'x'),
      out = new Int32Array(n);
    const W = tf.tidy(() => {
      const w = tf.tensor2d(this.weight, [this.classes, D]);
      return tf.div(w, tf.maximum(tf.norm(w, 'euclidean', 1, true), 1e-30));
    });
    try {
      for (let s = 0; s < n; s += 512) {
        const e = Math.min(n, s + 512);
        const p = tf.tidy(() => tf.argMax(tf.matMul(tf.tensor2d(x.subarray(s * D, e * D), [e - s, D]), W, false, true), 1));
        out.set((await p.data()) as Int32Array, s);
        p.dispose();
      }
    } finally {
      W.dispose();
    }
    return out;
  }
  /** Accuracy of `predict` on (x, y). */
  accuracy(x: ArrayLike<number>, y: ArrayLike<number>): number {
    const p = this.predict(x);
    let ok = 0;
    for (let i = 0; i < p.length; i++) if (p[i] === y[i]) ok++;
    return ok / p.length;
  }
  /** Single pass W_y += x (the centroid / vanilla HD classifier). */
  fit(x: ArrayLike<number>, y: ArrayLike<number>, _opts: FitOptions = {}): this {
    const D = this.dim,
      n = rowsOf('fit', x, D, 'x'),
      lab = labelsOf('fit', y, n, this.classes);
    for (let r = 0; r < n; r++) addRow(this.weight, lab[r], D, x, r, 1);
    return this;
  }
  /**
   * One OnlineHD epoch (see `OnlineHDClassifier`) over encoded rows x in the given order (`rng`
   * shuffles; null: in order). Returns the number of mistakes.
   */
  onlineEpoch(x: ArrayLike<number>, y: ArrayLike<number>, lr: number, rng: ReturnType<typeof toRng> | null): number {
    const D = this.dim,
      n = rowsOf('fit', x, D, 'x'),
      lab = labelsOf('fit', y, n, this.classes);
    const s = new Float64Array(this.classes),
      wn = this.norms();
    let wrong = 0;
    for (const r of rng === null ? Int32Array.from({ length: n }, (_, i) => i) : order(n, rng)) {
      const p = this.similarities(x, r, s, wn),
        t = lab[r];
      addRow(this.weight, t, D, x, r, lr * (1 - s[t]));
      wn[t] = norm(this.weight, t * D, D);
      if (p !== t) {
        wrong++;
        addRow(this.weight, p, D, x, r, -lr * (1 - s[p]));
        wn[p] = norm(this.weight, p * D, D);
      }
    }
    return wrong;
  }
  /** Cosine of row r of x with every class, into s (length classes); returns the arg-max. */
  protected similarities(x: ArrayLike<number>, r: number, s: Float64Array, wn: Float64Array): number {
    const D = this.dim,
      xn = norm(x, r * D, D) || 1;
    let best = 0;
    for (let c = 0; c < this.classes; c++) {
      let d = 0;
      for (let j = 0; j < D; j++) d += x[r * D + j] * this.weight[c * D + j];
      s[c] = d / (xn * (wn[c] || 1));
      if (s[c] > s[best]) best = c;
    }
    return best;
  }
  protected norms(): Float64Array {
    return Float64Array.from({ length: this.classes }, (_, c) => norm(this.weight, c * this.dim, this.dim));
  }
}

/** W[c] += a·x[r] and keeps nothing else in sync. */
function addRow(w: Float32Array, c: number, D: number, x: ArrayLike<number>, r: number, a: number): void {
  const o = c * D,
    ox = r * D;
  for (let j = 0; j < D; j++) w[o + j] += a * x[ox + j];
}

function argmaxRows(s: Float32Array, C: number): Int32Array {
  const n = s.length / C,
    out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let b = 0;
    for (let c = 1; c < C; c++) if (s[r * C + c] > s[r * C + b]) b = c;
    out[r] = b;
  }
  return out;
}

/** A seeded order of 0..n−1 for each epoch. */
function order(n: number, rng: ReturnType<typeof toRng>): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return rng.shuffle(p);
}

/**
 * @internal The perceptron-style retraining epoch shared by AdaptHD, SparseHD and QuantHD: for a
 * misclassified x (true y, predicted p by `predictor`, default the class vectors themselves):
 * W_y += a·x, W_p −= a·x; `after` runs after each epoch (masking, requantising). Returns the
 * error rates per epoch.
 */
function retrain(
  m: CentroidClassifier,
  x: ArrayLike<number>,
  lab: Int32Array,
  epochs: number,
  rate: (epoch: number, lastError: number) => number,
  rng: ReturnType<typeof toRng>,
  after?: () => void,
  scoreWeight?: () => Float32Array,
): number[] {
  const D = m.dim,
    C = m.classes,
    n = lab.length,
    errors: number[] = [];
  let err = 1;
  for (let e = 0; e < epochs; e++) {
    const a = rate(e, err);
    const sw = scoreWeight ? scoreWeight() : m.weight;
    const wn = Float64Array.from({ length: C }, (_, c) => norm(sw, c * D, D) || 1);
    let wrong = 0;
    for (const r of order(n, rng)) {
      const xn = norm(x, r * D, D) || 1;
      let p = 0,
        bs = -Infinity;
      for (let c = 0; c < C; c++) {
        let d = 0;
        for (let j = 0; j < D; j++) d += x[r * D + j] * sw[c * D + j];
        d /= xn * wn[c];
        if (d > bs) [bs, p] = [d, c];
      }
      if (p !== lab[r]) {
        wrong++;
        addRow(m.weight, lab[r], D, x, r, a);
        addRow(m.weight, p, D, x, r, -a);
        if (!scoreWeight) {
          wn[lab[r]] = norm(m.weight, lab[r] * D, D) || 1;
          wn[p] = norm(m.weight, p * D, D) || 1;
        }
      }
    }
    err = wrong / n;
    errors.push(err);
    after?.();
    if (wrong === 0) break;
  }
  return errors;
}

/**
 * AdaptHD (Imani et al. 2019, "AdaptHD: adaptive efficient training for brain-inspired
 * hyperdimensional computing"): centroid initialisation, then retraining epochs: for a
 * misclassified x (true y, predicted p): W_y += η x, W_p −= η x, with the data-adaptive rate
 * η = η₀·(error rate of the previous epoch) (η₀ for the first). Defaults η₀ = 1, 10 epochs.
 */
export class AdaptHDClassifier extends CentroidClassifier {
  /** Training error rate of each retraining epoch of the last `fit`. */
  errors: number[] = [];
  override fit(x: ArrayLike<number>, y: ArrayLike<number>, opts: FitOptions = {}): this {
    super.fit(x, y);
    const lab = labelsOf('fit', y, x.length / this.dim, this.classes);
    const lr = opts.lr ?? 1;
    this.errors = retrain(this, x, lab, opts.epochs ?? 10, (e, err) => (e === 0 ? lr : lr * err), toRng(opts.seed ?? 0, 'seed', HrrError));
    return this;
  }
}

/**
 * OnlineHD (Hernández-Cano et al. 2021, "OnlineHD: robust, efficient, and single-pass online
 * learning using hyperdimensional system"): for each sample with similarities δ_c = cos(x, W_c),
 * true y and prediction p: W_y += η(1 − δ_y)x, and when p ≠ y also W_p −= η(1 − δ_p)x. The first
 * pass is the single-pass online learner; further epochs are its iterative retraining.
 * Defaults η = 0.035, 20 epochs (the paper's and torchhd's). Pair it with `SinusoidEmbedding`.
 */
export class OnlineHDClassifier extends CentroidClassifier {
  override fit(x: ArrayLike<number>, y: ArrayLike<number>, opts: FitOptions = {}): this {
    const rng = toRng(opts.seed ?? 0, 'seed', HrrError),
      lr = opts.lr ?? 0.035;
    const epochs = opts.epochs ?? 20;
    for (let e = 0; e < 1 + epochs; e++) {
      const wrong = this.onlineEpoch(x, y, lr, e === 0 ? null : rng);
      if (e > 0 && wrong === 0) break;
    }
    return this;
  }
}

/**
 * SparseHD (Khaleghi et al. 2019, "SparseHD: algorithm-hardware co-optimization for efficient
 * high-dimensional computing"): AdaptHD training, then dimension-wise sparsification keeping the
 * fraction `density` of the dimensions, those where the class vectors differ most
 * (max_c W_{c,j} − min_c W_{c,j}; the paper's dimension-wise variant), then `epochs` retraining
 * epochs with the mask re-applied after each. Defaults density 0.5, 5 epochs. (The class-wise
 * variant, the largest |W_{c,j}| per class, keeps the component common to all classes on
 * encodings with a large shared part such as MNIST's background and fell to 17% there.)
 */
export class SparseHDClassifier extends CentroidClassifier {
  constructor(
    dim: number,
    classes: number,
    /** Fraction of the D dimensions kept (the most discriminative, by max − min over classes). */
    readonly density = 0.5,
  ) {
    super(dim, classes);
    if (!(density > 0 && density <= 1))
      throw new HrrError('density', `SparseHD: density must be in (0, 1], got ${density}`, { code: 'ERR_OUT_OF_RANGE' });
  }
  override fit(x: ArrayLike<number>, y: ArrayLike<number>, opts: FitOptions = {}): this {
    super.fit(x, y);
    const lab = labelsOf('fit', y, x.length / this.dim, this.classes);
    const lr = opts.lr ?? 1,
      rng = toRng(opts.seed ?? 0, 'seed', HrrError);
    retrain(this, x, lab, opts.epochs ?? 10, (e, err) => (e === 0 ? lr : lr * err), rng);
    const D = this.dim,
      keep = Math.max(1, Math.round(this.density * D));
    // dimension-wise sparsity: keep the dimensions where the class vectors differ most
    // (max_c W_cj − min_c W_cj); a dimension shared by all classes carries no class information
    const spread = new Float64Array(D);
    for (let j = 0; j < D; j++) {
      let lo = Infinity,
        hi = -Infinity;
      for (let c = 0; c < this.classes; c++) {
        const v = this.weight[c * D + j];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      spread[j] = hi - lo;
    }
    const order_ = Array.from({ length: D }, (_, j) => j).sort((a, b) => spread[b] - spread[a]);
    const mask = new Uint8Array(this.classes * D);
    for (let k = 0; k < keep; k++) for (let c = 0; c < this.classes; c++) mask[c * D + order_[k]] = 1;
    const apply = () => {
      for (let i = 0; i < mask.length; i++) if (!mask[i]) this.weight[i] = 0;
    };
    apply();
    retrain(this, x, lab, opts.epochs ?? 5, () => lr, rng, apply);
    return this;
  }
  /** Fraction of non-zero class-vector entries. */
  get nonZeroFraction(): number {
    let nz = 0;
    for (const v of this.weight) if (v !== 0) nz++;
    return nz / this.weight.length;
  }
}

/**
 * QuantHD (Imani et al. 2019, "QuantHD: a quantization framework for hyperdimensional
 * computing"): trains a real-valued model but classifies with its binarised copy
 * B = sign(W) (bipolar, `bits` = 1) or ternary (`bits` = 2: 0 where |W| < ⅓·mean|W|); each
 * retraining epoch predicts with B, updates W on mistakes (rate η), then requantises.
 * `weight` is the quantised model after `fit`. Defaults η = 1, 10 epochs.
 */
export class QuantHDClassifier extends CentroidClassifier {
  private real: Float32Array | null = null;
  constructor(
    dim: number,
    classes: number,
    /** Quantisation: 1 bit (±1) or 2 bits (ternary {−1, 0, +1}). */
    readonly bits: 1 | 2 = 1,
  ) {
    super(dim, classes);
  }
  private quantised(w: Float32Array): Float32Array {
    if (this.bits === 1) return w.map((v) => (v >= 0 ? 1 : -1));
    let m = 0;
    for (const v of w) m += Math.abs(v);
    const t = m / w.length / 3;
    return w.map((v) => (v > t ? 1 : v < -t ? -1 : 0));
  }
  override fit(x: ArrayLike<number>, y: ArrayLike<number>, opts: FitOptions = {}): this {
    super.fit(x, y);
    const lab = labelsOf('fit', y, x.length / this.dim, this.classes);
    let q = this.quantised(this.weight);
    retrain(
      this,
      x,
      lab,
      opts.epochs ?? 10,
      () => opts.lr ?? 1,
      toRng(opts.seed ?? 0, 'seed', HrrError),
      () => {
        q = this.quantised(this.weight);
      },
      () => q,
    );
    this.real = this.weight;
    this.weight = this.quantised(this.weight);
    return this;
  }
  /** The real-valued model behind the quantised one (null before `fit`). */
  get realWeight(): Float32Array | null {
    return this.real;
  }
}

/**
 * CompHD (Morris et al. 2019, "CompHD: efficient hyperdimensional computing using model
 * compression"): the D dimensions are folded into D/s by splitting a hypervector into s segments
 * and summing them after binding segment i with a random bipolar key P_i (compress(x) =
 * Σ_i P_i ⊙ x_{[iD/s, (i+1)D/s)}); class vectors and queries are compressed alike, so the model and
 * the scoring cost shrink by s. Wraps a trained classifier (`compress` then predict with the
 * returned classifier on `compress(x)`).
 */
export class CompHD {
  /** The random bipolar keys P, one per dimension ([D]). */
  readonly keys: Float32Array;
  /** D / s. */
  readonly compressedDim: number;
  constructor(
    /** Dimension D of the uncompressed vectors. */
    readonly dim: number,
    /** Number s of segments folded together (divides D). */
    readonly segments: number,
    seed: SeedOrRng = 0,
  ) {
    checkInt('CompHD', 'segments', segments, 1);
    if (dim % segments !== 0) throw new HrrError('segments', `CompHD: segments=${segments} must divide dim=${dim}`, { code: 'ERR_SHAPE' });
    this.compressedDim = dim / segments;
    const rng = toRng(seed, 'seed', HrrError);
    this.keys = new Float32Array(dim);
    for (let i = 0; i < dim; i++) this.keys[i] = rng.uniform() < 0.5 ? -1 : 1;
  }
  /** compress(x) = Σ_i P_i ⊙ x_{[iD/s, (i+1)D/s)} for each row of x ([n, D] → [n, D/s]). */
  compress(x: ArrayLike<number>): Float32Array {
    const D = this.dim,
      d = this.compressedDim,
      n = rowsOf('CompHD.compress', x, D, 'x');
    const out = new Float32Array(n * d);
    for (let r = 0; r < n; r++) for (let j = 0; j < D; j++) out[r * d + (j % d)] += this.keys[j] * x[r * D + j];
    return out;
  }
  /** A centroid classifier over the compressed class vectors of `model`. */
  compressModel(model: CentroidClassifier): CentroidClassifier {
    const c = new CentroidClassifier(this.compressedDim, model.classes);
    c.weight = this.compress(model.weight);
    return c;
  }
}

/**
 * IntRVFL (Kleyko et al. 2021, "Density encoding enables resource-efficient randomly connected
 * neural networks"; torchhd `IntRVFL`): integer density-encoded hypervectors (clipped to ±κ) and a
 * ridge-regression read-out W = (HᵀH + λI)⁻¹ HᵀY with one-hot Y; prediction arg-max of h·W.
 */
export class IntRVFLClassifier {
  /** Read-out W [D, classes] after `fit` (null before). */
  weight: Float64Array | null = null;
  constructor(
    /** Dimension D of the density encodings. */
    readonly dim: number,
    /** Number of classes. */
    readonly classes: number,
    /** Clipping threshold κ of the integer encodings. */
    readonly kappa = 3,
    /** Ridge regularisation λ. */
    readonly lambda = 1,
  ) {}
  /** Rounds and clips each entry to [−κ, κ]. */
  clip(h: ArrayLike<number>): Float32Array {
    const k = this.kappa;
    return Float32Array.from(h, (v) => Math.max(-k, Math.min(k, Math.round(v))));
  }
  /** Solves the ridge read-out on the clipped encodings h [n, D] and labels y. */
  fit(h: ArrayLike<number>, y: ArrayLike<number>): this {
    const n = rowsOf('IntRVFL.fit', h, this.dim, 'h'),
      lab = labelsOf('IntRVFL.fit', y, n, this.classes);
    const Y = new Float32Array(n * this.classes);
    for (let r = 0; r < n; r++) Y[r * this.classes + lab[r]] = 1;
    this.weight = ridgeRegression(this.clip(h), Y, n, this.lambda);
    return this;
  }
  /** Labels of h [n, D]: arg-max of clip(h)·W. */
  predict(h: ArrayLike<number>): Int32Array {
    if (this.weight === null) throw new HrrError('weight', 'IntRVFL.predict: call fit first', { code: 'ERR_STATE' });
    const D = this.dim,
      C = this.classes,
      x = this.clip(h),
      n = rowsOf('IntRVFL.predict', x, D, 'h');
    const s = new Float32Array(n * C);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < D; j++) {
        const v = x[r * D + j];
        if (v !== 0) for (let c = 0; c < C; c++) s[r * C + c] += v * this.weight[j * C + c];
      }
    return argmaxRows(s, C);
  }
}
