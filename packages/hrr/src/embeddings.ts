import { tf, toRng, type SeedOrRng, type Tensor2D } from '@neurite/tensor';
import { circularBasis, levelBasis, thermometerBasis } from './basis-sets.js';
import { checkFinite, checkInt, rowsOf } from './check.js';
import { wrapAngle } from './fhrr-model.js';
import { HrrError } from './hrr-error.js';
import type { Vsa } from './vsa.js';

/** Value range of the level-type embeddings. */
export interface RangeOptions {
  /** Value mapped to the first level (default 0). */
  low?: number;
  /** Value mapped to the last level (default 1); circular: one period is [low, high). */
  high?: number;
}

/** Rows `index` of a [count, D] table, as [n, D]. */
function gatherRows(weight: Float32Array, dim: number, count: number, index: ArrayLike<number>): Float32Array {
  const out = new Float32Array(index.length * dim);
  for (let i = 0; i < index.length; i++) {
    const k = index[i];
    if (!Number.isInteger(k) || k < 0 || k >= count)
      throw new HrrError('index', `embedding: index ${k} outside [0, ${count})`, { code: 'ERR_OUT_OF_RANGE' });
    out.set(weight.subarray(k * dim, (k + 1) * dim), i * dim);
  }
  return out;
}

/** Random embedding (torchhd `embeddings.Random`): index i → the i-th of `count` random elements. */
export class RandomEmbedding {
  /** The [count, D] table of elements. */
  readonly weight: Float32Array;
  constructor(
    /** The model of the elements. */
    readonly vsa: Vsa,
    /** Number of elements in the table. */
    readonly count: number,
    seed: SeedOrRng,
  ) {
    checkInt('RandomEmbedding', 'count', count, 1);
    this.weight = vsa.random(seed, count);
  }
  /** [n, D] rows for n indices. */
  encode(index: ArrayLike<number>): Float32Array {
    return gatherRows(this.weight, this.vsa.dim, this.count, index);
  }
}

/**
 * Level embedding (torchhd `embeddings.Level`): value x → level round((x − low)/(high − low)·(L − 1)),
 * clamped to [0, L − 1], of a `levelBasis` (`kind` 'thermometer' for `thermometerBasis`).
 * Circular embedding (torchhd `embeddings.Circular`): `kind` 'circular', level
 * round((x − low)/(high − low)·L) mod L of a `circularBasis` (period high − low).
 */
export class LevelEmbedding {
  /** The [levels, D] table of level elements. */
  readonly weight: Float32Array;
  /** Lower end of the encoded range. */
  readonly low: number;
  /** Upper end of the encoded range. */
  readonly high: number;
  constructor(
    /** The model of the elements. */
    readonly vsa: Vsa,
    /** Number of levels L. */
    readonly levels: number,
    seed: SeedOrRng,
    opts: RangeOptions & { kind?: 'level' | 'thermometer' | 'circular'; randomness?: number } = {},
    /** 'level' (`levelBasis`), 'thermometer' or 'circular'. */
    readonly kind = opts.kind ?? 'level',
  ) {
    checkInt('LevelEmbedding', 'levels', levels, 1);
    this.low = checkFinite('LevelEmbedding', 'low', opts.low ?? 0);
    this.high = checkFinite('LevelEmbedding', 'high', opts.high ?? 1);
    if (!(this.high > this.low)) throw new HrrError('high', `LevelEmbedding: high must exceed low`, { code: 'ERR_OUT_OF_RANGE' });
    this.weight =
      kind === 'thermometer'
        ? thermometerBasis(vsa, levels, seed)
        : kind === 'circular'
          ? circularBasis(vsa, levels, seed)
          : levelBasis(vsa, levels, seed, { randomness: opts.randomness });
  }
  /** The level index of each value. */
  index(values: ArrayLike<number>): Int32Array {
    const L = this.levels,
      out = new Int32Array(values.length),
      span = this.high - this.low;
    for (let i = 0; i < values.length; i++) {
      const u = (values[i] - this.low) / span;
      if (this.kind === 'circular') out[i] = (((Math.round(u * L) % L) + L) % L) | 0;
      else out[i] = Math.min(L - 1, Math.max(0, Math.round(u * (L - 1))));
    }
    return out;
  }
  /** [n, D] rows for n values. */
  encode(values: ArrayLike<number>): Float32Array {
    return gatherRows(this.weight, this.vsa.dim, this.levels, this.index(values));
  }
}

/**
 * Random projection (torchhd `embeddings.Projection`): x ∈ ℝ^F → x·W, W [F, D] with i.i.d.
 * N(0, 1) entries (Johnson–Lindenstrauss: E⟨xW, yW⟩ = D·⟨x, y⟩). Typed arrays on the CPU, or
 * `encodeTensor` on the active backend.
 */
export class ProjectionEmbedding {
  /** The projection W, [F, D] row-major. */
  readonly weight: Float32Array;
  constructor(
    /** Input features F. */
    readonly inFeatures: number,
    /** Output dimension D. */
    readonly dim: number,
    seed: SeedOrRng,
  ) {
    checkInt('ProjectionEmbedding', 'inFeatures', inFeatures, 1);
    checkInt('ProjectionEmbedding', 'dim', dim, 1);
    this.weight = toRng(seed, 'seed', HrrError).normalArray(new Float32Array(inFeatures * dim)) as Float32Array;
  }
  /** x [n, F] → x·W [n, D] on the CPU. */
  encode(x: ArrayLike<number>): Float32Array {
    return project(this.weight, this.inFeatures, this.dim, x, 'ProjectionEmbedding.encode');
  }
  /** [n, F] → [n, D] on the backend (caller disposes). */
  encodeTensor(x: Tensor2D): Tensor2D {
    return tf.tidy(() => tf.matMul(x, tf.tensor2d(this.weight, [this.inFeatures, this.dim])));
  }
}

/**
 * Sinusoid embedding (torchhd `embeddings.Sinusoid`, the nonlinear encoder of OnlineHD):
 * x → cos(xW + b) ⊙ sin(xW), W [F, D] i.i.d. N(0, 1), b_j ~ U[0, 2π).
 */
export class SinusoidEmbedding {
  /** The projection W, [F, D] row-major. */
  readonly weight: Float32Array;
  /** The phases b, [D]. */
  readonly bias: Float32Array;
  constructor(
    /** Input features F. */
    readonly inFeatures: number,
    /** Output dimension D. */
    readonly dim: number,
    seed: SeedOrRng,
  ) {
    checkInt('SinusoidEmbedding', 'inFeatures', inFeatures, 1);
    checkInt('SinusoidEmbedding', 'dim', dim, 1);
    const rng = toRng(seed, 'seed', HrrError);
    this.weight = rng.normalArray(new Float32Array(inFeatures * dim)) as Float32Array;
    this.bias = rng.uniformArray(new Float32Array(dim), 0, 2 * Math.PI) as Float32Array;
  }
  /** x [n, F] → cos(xW + b) ⊙ sin(xW) [n, D] on the CPU. */
  encode(x: ArrayLike<number>): Float32Array {
    const p = project(this.weight, this.inFeatures, this.dim, x, 'SinusoidEmbedding.encode');
    for (let i = 0; i < p.length; i++) {
      const j = i % this.dim;
      p[i] = Math.cos(p[i] + this.bias[j]) * Math.sin(p[i]);
    }
    return p;
  }
  /**
   * [n, F] → [n, D] on the backend (caller disposes). Computes the same function through the
   * product-to-sum identity cos(p + b)·sin(p) = ½[sin(2p + b) − sin(b)], p = xW: one sine over
   * [n, D] instead of a sine and a cosine (sin(b) is a [D] row), which halves the pointwise cost
   * on backends whose float32 sin/cos are not vectorised (wasm).
   */
  encodeTensor(x: Tensor2D): Tensor2D {
    return tf.tidy(() => {
      const p = tf.matMul(x, tf.tensor2d(this.weight, [this.inFeatures, this.dim]));
      const b = tf.tensor1d(this.bias);
      return tf.mul(tf.sub(tf.sin(tf.add(tf.add(p, p), b)), tf.sin(b)), 0.5);
    });
  }
}

/** x [n, F] · W [F, D] in float64 accumulators, skipping zero features. */
function project(weight: Float32Array, F: number, D: number, x: ArrayLike<number>, fn: string): Float32Array {
  const n = rowsOf(fn, x, F, 'x');
  const out = new Float32Array(n * D),
    acc = new Float64Array(D);
  for (let r = 0; r < n; r++) {
    acc.fill(0);
    for (let f = 0; f < F; f++) {
      const v = x[r * F + f];
      if (v === 0) continue;
      const o = f * D;
      for (let j = 0; j < D; j++) acc[j] += v * weight[o + j];
    }
    out.set(acc, r * D);
  }
  return out;
}

/**
 * Density embedding (Kleyko et al., density-based encoding; torchhd `embeddings.Density`): each of
 * F features has a random key k_f; x → Σ_f k_f ⊛ T(x_f) with T a `thermometerBasis` of D + 1 levels
 * over [low, high].
 */
export class DensityEmbedding {
  /** The feature keys k_f. */
  readonly keys: RandomEmbedding;
  /** The thermometer levels T (D + 1 of them). */
  readonly values: LevelEmbedding;
  constructor(
    /** The model of the elements. */
    readonly vsa: Vsa,
    /** Input features F. */
    readonly inFeatures: number,
    seed: SeedOrRng,
    opts: RangeOptions = {},
  ) {
    const rng = toRng(seed, 'seed', HrrError);
    this.keys = new RandomEmbedding(vsa, inFeatures, rng);
    this.values = new LevelEmbedding(vsa, vsa.dim + 1, rng, { ...opts, kind: 'thermometer' });
  }
  /** x [n, F] → Σ_f k_f ⊛ T(x_f) [n, D]. */
  encode(x: ArrayLike<number>): Float32Array {
    return new RecordEmbedding(this.vsa, this.inFeatures, 0, {}, this.keys, this.values).encode(x);
  }
}

/**
 * Record (key–value) embedding, the torchhd MNIST encoder: F features with random keys
 * (`RandomEmbedding`) and values quantised to a `LevelEmbedding` of L levels;
 * x → Σ_f k_f ⊛ ℓ(x_f) (`hash_table(keys, levels(x))`), un-normalised (apply `hardQuantize` for a
 * bipolar result). For map, the typed path adds only the features that differ from `low`, to a
 * precomputed Σ_f k_f ⊛ ℓ(low), exact because map binding is linear in the value; `encodeTensor`
 * gathers the level rows on the backend.
 */
export class RecordEmbedding {
  /** The feature keys k_f. */
  readonly keys: RandomEmbedding;
  /** The value levels ℓ. */
  readonly values: LevelEmbedding;
  private base: Float32Array | null = null;
  constructor(
    /** The model of the elements. */
    readonly vsa: Vsa,
    /** Input features F. */
    readonly inFeatures: number,
    /** Number of value levels L. */
    readonly levels: number,
    opts: RangeOptions & { seed?: SeedOrRng } = {},
    keys?: RandomEmbedding,
    values?: LevelEmbedding,
  ) {
    const rng = toRng(opts.seed ?? 0, 'seed', HrrError);
    this.keys = keys ?? new RandomEmbedding(vsa, inFeatures, rng);
    this.values = values ?? new LevelEmbedding(vsa, levels, rng, opts);
  }
  /** x [n, F] → Σ_f k_f ⊛ ℓ(x_f) [n, D] on the CPU (un-normalised). */
  encode(x: ArrayLike<number>): Float32Array {
    const F = this.inFeatures,
      D = this.vsa.dim,
      n = rowsOf('RecordEmbedding.encode', x, F, 'x');
    const out = new Float32Array(n * D);
    const K = this.keys.weight,
      V = this.values.weight;
    if (this.vsa.model === 'map') {
      const idx0 = this.values.index([this.values.low])[0];
      if (this.base === null) {
        const b = new Float64Array(D);
        for (let f = 0; f < F; f++) for (let j = 0; j < D; j++) b[j] += K[f * D + j] * V[idx0 * D + j];
        this.base = Float32Array.from(b);
      }
      const acc = new Float64Array(D);
      for (let r = 0; r < n; r++) {
        const idx = this.values.index(Array.prototype.slice.call(x, r * F, (r + 1) * F) as number[]);
        acc.set(this.base);
        for (let f = 0; f < F; f++) {
          const l = idx[f];
          if (l === idx0) continue;
          const ok = f * D,
            ol = l * D,
            o0 = idx0 * D;
          for (let j = 0; j < D; j++) acc[j] += K[ok + j] * (V[ol + j] - V[o0 + j]);
        }
        out.set(acc, r * D);
      }
      return out;
    }
    for (let r = 0; r < n; r++) {
      const idx = this.values.index(Array.prototype.slice.call(x, r * F, (r + 1) * F) as number[]);
      const bound = this.vsa.bind(K, gatherRows(V, D, this.values.levels, idx));
      out.set(this.vsa.bundle(bound), r * D);
    }
    return out;
  }
  /**
   * map only: [n, F] values → [n, D] on the backend, Σ_f k_f ⊙ ℓ(x_f) by a gather of the level rows
   * (caller disposes). The gather's [rows, F, D] intermediate is bounded to 2²⁴ floats (64 MB) by
   * processing the rows in chunks.
   */
  encodeTensor(x: Tensor2D): Tensor2D {
    if (this.vsa.model !== 'map')
      throw new HrrError('vsa', 'RecordEmbedding.encodeTensor: the map model only', { code: 'ERR_UNSUPPORTED' });
    const F = this.inFeatures,
      D = this.vsa.dim,
      L = this.values.levels,
      n = x.shape[0];
    const chunk = Math.max(1, Math.floor(2 ** 24 / (F * D)));
    const V = tf.tensor2d(this.values.weight, [L, D]),
      K = tf.tensor2d(this.keys.weight, [F, D]);
    try {
      const parts: Tensor2D[] = [];
      for (let s = 0; s < n; s += chunk) {
        const e = Math.min(n, s + chunk);
        parts.push(
          tf.tidy(() => {
            const xs = tf.slice(x, [s, 0], [e - s, F]);
            const u = tf.div(tf.sub(xs, this.values.low), this.values.high - this.values.low);
            const idx = tf.cast(tf.clipByValue(tf.round(tf.mul(u, L - 1)), 0, L - 1), 'int32');
            return tf.sum(tf.mul(tf.gather(V, idx), K), 1) as Tensor2D; // [rows, F, D] → [rows, D]
          }),
        );
      }
      const out = parts.length === 1 ? parts[0] : (tf.concat(parts, 0) as Tensor2D);
      if (parts.length > 1) tf.dispose(parts);
      return out;
    } finally {
      tf.dispose([V, K]);
    }
  }
}

/**
 * Fractional power encoding (Plate; Frady et al. 2021, "Computing on functions using randomized
 * vector representations"; torchhd `embeddings.FractionalPower`) into FHRR: x ∈ ℝ^F →
 * angles φ_j = β Σ_f x_f θ_{f,j} (wrapped), θ drawn from the kernel's spectral density. Then
 * E sim(enc(x), enc(y)) = E cos(β θ·(x − y)) = k(x − y):
 * - 'sinc': θ ~ U[−π, π), k(Δ) = Π_f sinc(βΔ_f) with sinc(t) = sin(πt)/(πt);
 * - 'gaussian': θ ~ N(0, 1), k(Δ) = exp(−β²‖Δ‖²/2).
 * β = `bandwidth` (default 1). Use with `createVsa({ model: 'fhrr', dim })`.
 */
export class FractionalPowerEmbedding {
  /** The base phases θ, [F, D]. */
  readonly phases: Float32Array;
  /** β. */
  readonly bandwidth: number;
  constructor(
    /** Input features F. */
    readonly inFeatures: number,
    /** Output dimension D. */
    readonly dim: number,
    seed: SeedOrRng,
    opts: { kernel?: 'sinc' | 'gaussian'; bandwidth?: number } = {},
    /** The kernel: 'sinc' or 'gaussian'. */
    readonly kernel = opts.kernel ?? 'sinc',
  ) {
    checkInt('FractionalPowerEmbedding', 'inFeatures', inFeatures, 1);
    checkInt('FractionalPowerEmbedding', 'dim', dim, 1);
    this.bandwidth = checkFinite('FractionalPowerEmbedding', 'bandwidth', opts.bandwidth ?? 1);
    if (kernel !== 'sinc' && kernel !== 'gaussian')
      throw new HrrError('kernel', `FractionalPowerEmbedding: kernel must be 'sinc' or 'gaussian', got ${String(kernel)}`);
    const rng = toRng(seed, 'seed', HrrError);
    this.phases = (
      kernel === 'sinc'
        ? rng.uniformArray(new Float32Array(inFeatures * dim), -Math.PI, Math.PI)
        : rng.normalArray(new Float32Array(inFeatures * dim))
    ) as Float32Array;
  }
  /** [n, F] → [n, D] FHRR angles. */
  encode(x: ArrayLike<number>): Float32Array {
    const F = this.inFeatures,
      D = this.dim,
      n = rowsOf('FractionalPowerEmbedding.encode', x, F, 'x');
    const out = new Float32Array(n * D);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < D; j++) {
        let s = 0;
        for (let f = 0; f < F; f++) s += x[r * F + f] * this.phases[f * D + j];
        out[r * D + j] = wrapAngle(this.bandwidth * s);
      }
    return out;
  }
  /** The kernel k(Δ) the encoding approximates (Δ = x − y, length F). */
  kernelValue(delta: ArrayLike<number>): number {
    const b = this.bandwidth;
    if (this.kernel === 'gaussian') {
      let s = 0;
      for (let f = 0; f < delta.length; f++) s += delta[f] * delta[f];
      return Math.exp((-b * b * s) / 2);
    }
    let p = 1;
    for (let f = 0; f < delta.length; f++) {
      const t = b * delta[f];
      p *= t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    }
    return p;
  }
}
