import { tf, toRng, type Rng, type SeedOrRng } from '@neurite/tensor';
import { CentroidClassifier } from './classifiers.js';
import { checkInt, rowsOf } from './check.js';
import type { SinusoidEmbedding } from './embeddings.js';
import { HrrError } from './hrr-error.js';

/** Options of the dimension-regenerating classifiers. */
export interface RegenerateOptions {
  /** Training epochs (default 20). */
  epochs?: number;
  /** OnlineHD learning rate (default 0.035). */
  lr?: number;
  /** Fraction of the dimensions regenerated each time (default 0.04). */
  regenRate?: number;
  /** Epochs between regenerations (default 5; none in the last `regenEvery` epochs). */
  regenEvery?: number;
  /** Seed of the sample order and the regenerated dimensions. */
  seed?: SeedOrRng;
}

/**
 * @internal Training with encoder-dimension regeneration, shared by NeuralHD and DistHD: OnlineHD
 * epochs on h = sinusoid(x) (computed once on the backend); every `regenEvery` epochs the
 * `regenRate`·D dimensions chosen by `pick` get a fresh encoder column (W_{:,j} ~ N(0, 1),
 * b_j ~ U[0, 2π)), their class-vector entries are zeroed and those columns of h recomputed.
 */
async function fitRegenerating(
  m: CentroidClassifier,
  enc: SinusoidEmbedding,
  x: Float32Array,
  y: ArrayLike<number>,
  opts: RegenerateOptions,
  pick: (h: Float32Array, lab: ArrayLike<number>, n: number, k: number) => Int32Array,
): Promise<number> {
  const F = enc.inFeatures,
    D = enc.dim,
    n = rowsOf('fit', x, F, 'x');
  if (D !== m.dim) throw new HrrError('encoder', `fit: encoder dim ${D} ≠ classifier dim ${m.dim}`, { code: 'ERR_SHAPE' });
  const rng: Rng = toRng(opts.seed ?? 0, 'seed', HrrError);
  const h = new Float32Array(n * D);
  for (let s = 0; s < n; s += 256) {
    const e = Math.min(n, s + 256);
    const xt = tf.tensor2d(x.subarray(s * F, e * F), [e - s, F]);
    const t = enc.encodeTensor(xt);
    h.set((await t.data()) as Float32Array, s * D);
    tf.dispose([xt, t]);
  }
  const epochs = opts.epochs ?? 20,
    every = checkInt('fit', 'regenEvery', opts.regenEvery ?? 5, 1);
  const k = Math.max(1, Math.round((opts.regenRate ?? 0.04) * D));
  let regenerated = 0;
  for (let e = 0; e < epochs; e++) {
    // one OnlineHD epoch (the rule of OnlineHDClassifier)
    m.onlineEpoch(h, y, opts.lr ?? 0.035, e === 0 ? null : rng);
    if ((e + 1) % every === 0 && e + every < epochs) {
      const dims = pick(h, y, n, k);
      for (const j of dims) {
        for (let f = 0; f < F; f++) enc.weight[f * D + j] = rng.normal();
        enc.bias[j] = rng.uniform() * 2 * Math.PI;
        for (let c = 0; c < m.classes; c++) m.weight[c * D + j] = 0;
        for (let r = 0; r < n; r++) {
          let p = 0;
          for (let f = 0; f < F; f++) {
            const v = x[r * F + f];
            if (v !== 0) p += v * enc.weight[f * D + j];
          }
          h[r * D + j] = Math.cos(p + enc.bias[j]) * Math.sin(p);
        }
      }
      regenerated += dims.length;
    }
  }
  return regenerated;
}

/** Class vectors normalised to unit norm, [C, D]. */
function unitWeights(m: CentroidClassifier): Float64Array {
  const D = m.dim,
    w = new Float64Array(m.weight.length);
  for (let c = 0; c < m.classes; c++) {
    let e = 0;
    for (let j = 0; j < D; j++) e += m.weight[c * D + j] ** 2;
    const s = 1 / Math.sqrt(e || 1);
    for (let j = 0; j < D; j++) w[c * D + j] = m.weight[c * D + j] * s;
  }
  return w;
}

/** Indices of the k smallest (or largest) scores. */
function extreme(score: Float64Array, k: number, largest: boolean): Int32Array {
  const idx = Array.from({ length: score.length }, (_, j) => j).sort((a, b) => (largest ? score[b] - score[a] : score[a] - score[b]));
  return Int32Array.from(idx.slice(0, k));
}

/**
 * NeuralHD (Zou et al. 2021, "Scalable edge-based hyperdimensional learning system with brain-like
 * neural adaptation"): OnlineHD training on a sinusoid encoder whose least useful dimensions are
 * regenerated: the dimensions whose normalised class-vector entries vary least across classes,
 * Var_c(W_{c,j}/‖W_c‖), are redrawn every `regenEvery` epochs. Trains on raw features x [n, F]
 * (it owns the encoder); predict with `predictAsync(encoder.encode…)` or `predictRaw`.
 */
export class NeuralHDClassifier extends CentroidClassifier {
  constructor(
    /** The sinusoid encoder whose dimensions are regenerated (its D is the model's). */
    readonly encoder: SinusoidEmbedding,
    classes: number,
  ) {
    super(encoder.dim, classes);
  }
  /** Trains on raw features; resolves to the number of dimensions regenerated. */
  async fitRaw(x: Float32Array, y: ArrayLike<number>, opts: RegenerateOptions = {}): Promise<number> {
    return fitRegenerating(this, this.encoder, x, y, opts, (_h, _y, _n, k) => {
      const w = unitWeights(this),
        D = this.dim,
        C = this.classes;
      const v = new Float64Array(D);
      for (let j = 0; j < D; j++) {
        let s = 0,
          s2 = 0;
        for (let c = 0; c < C; c++) {
          s += w[c * D + j];
          s2 += w[c * D + j] ** 2;
        }
        v[j] = s2 / C - (s / C) ** 2;
      }
      return extreme(v, k, false);
    });
  }
  /** Labels of raw features (encoded on the backend). */
  async predictRaw(x: Float32Array): Promise<Int32Array> {
    return this.predictAsync(await encodeAll(this.encoder, x));
  }
}

/**
 * DistHD (Wang et al. 2023, "DistHD: a learner-aware dynamic encoding method for hyperdimensional
 * classification"): like NeuralHD, but the regenerated dimensions are those that mislead the
 * learner most: over the misclassified samples (true y, predicted p),
 * score_j = Σ h_j·(Ŵ_{p,j} − Ŵ_{y,j}) (Ŵ unit-norm class vectors), the k largest.
 */
export class DistHDClassifier extends NeuralHDClassifier {
  override async fitRaw(x: Float32Array, y: ArrayLike<number>, opts: RegenerateOptions = {}): Promise<number> {
    return fitRegenerating(this, this.encoder, x, y, opts, (h, lab, n, k) => {
      const D = this.dim,
        w = unitWeights(this),
        score = new Float64Array(D);
      const pred = this.predict(h);
      for (let r = 0; r < n; r++) {
        const p = pred[r],
          t = lab[r];
        if (p === t) continue;
        for (let j = 0; j < D; j++) score[j] += h[r * D + j] * (w[p * D + j] - w[t * D + j]);
      }
      return extreme(score, k, true);
    });
  }
}

/** Encodes raw rows on the backend in batches of 256. */
export async function encodeAll(
  enc: { inFeatures: number; dim: number; encodeTensor: (x: tf.Tensor2D) => tf.Tensor2D },
  x: Float32Array,
): Promise<Float32Array> {
  const F = enc.inFeatures,
    D = enc.dim,
    n = rowsOf('encodeAll', x, F, 'x'),
    out = new Float32Array(n * D);
  for (let s = 0; s < n; s += 256) {
    const e = Math.min(n, s + 256);
    const xt = tf.tensor2d(x.subarray(s * F, e * F), [e - s, F]);
    const t = enc.encodeTensor(xt);
    out.set((await t.data()) as Float32Array, s * D);
    tf.dispose([xt, t]);
  }
  return out;
}
