import { tf, toRng, type Rng, type SeedOrRng, type Tensor2D } from '@neurite/tensor';
import { checkFinite, checkInt, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import type { Vsa } from './vsa.js';
import { parseExpression, transformTo } from './spa-expression.js';

/** One cleanup answer: the item's name, its row in the vocabulary and its similarity to the query. */
export interface CleanupMatch {
  /** The item's name. */
  name: string;
  /** The item's row in the vocabulary. */
  index: number;
  /** Its similarity to the query. */
  score: number;
}

/** Options of `Vocabulary.cleanup`. */
export interface CleanupOptions {
  /** Number of best items returned per query (default 1, clamped to the vocabulary size). */
  k?: number;
  /** Only items with similarity ≥ threshold are returned (default −Infinity: all k). */
  threshold?: number;
}

/** Options of a `Vocabulary`. */
export interface VocabularyOptions {
  /**
   * Near-duplicate bound: `create` rejects a random candidate whose similarity to an existing item
   * (or an earlier one of the same call) exceeds this, and draws another from the generator.
   * Default 0.1 (as nengo_spa). Use 1 to switch rejection off (pure random vectors).
   */
  maxSimilarity?: number;
  /** Candidates drawn per item before `create` gives up with an HrrError. Default 100. */
  maxTries?: number;
}

/** Floats per block of the cached item matrix (2 MB of float32, see `Vocabulary.scores`). */
const BLOCK_FLOATS = 1 << 19;

const NAME = /^[^\u0000-\u001f]{1,256}$/;

/**
 * An item memory: named vectors of one `Vsa` model, with near-duplicate rejection on creation
 * and batched cleanup (nearest items by the model's similarity, as one matmul of query
 * features × item features on the active tfjs backend). Creating and reading items is
 * synchronous and CPU-only; `cleanup` and `similarities` run on the backend and return promises.
 *
 * The vocabulary caches its item-feature matrix as a tensor for cleanup; call `dispose()` when
 * done with it (the cache is rebuilt on demand after items are added).
 */
export class Vocabulary {
  /** The model of the items. */
  readonly vsa: Vsa;
  /** New random items more similar than this to an existing one are redrawn. */
  readonly maxSimilarity: number;
  /** Redraws allowed per new item before `create` fails. */
  readonly maxTries: number;
  private readonly rng: Rng;
  private readonly names_: string[] = [];
  private readonly index_ = new Map<string, number>();
  private data: Float32Array;
  private feats: Float32Array;
  /** Item features transposed, [F, size], in column blocks of the feature axis (see `scores`). */
  private itemBlocks: Tensor2D[] | null = null;
  /** Start of each block on the feature axis (plus F at the end). */
  private blockStarts: number[] = [];

  constructor(vsa: Vsa, seed: SeedOrRng, opts: VocabularyOptions = {}) {
    if (vsa == null || typeof vsa.bind !== 'function') throw new HrrError('vsa', 'Vocabulary: vsa must come from createVsa');
    this.vsa = vsa;
    this.rng = toRng(seed, 'seed', HrrError);
    this.maxSimilarity = checkFinite('Vocabulary', 'maxSimilarity', opts.maxSimilarity ?? 0.1);
    this.maxTries = checkInt('Vocabulary', 'maxTries', opts.maxTries ?? 100, 1);
    this.data = new Float32Array(16 * vsa.dim);
    this.feats = new Float32Array(16 * vsa.featureDim);
  }

  /** Number of items. */
  get size(): number {
    return this.names_.length;
  }
  /** Item names in insertion order (row order of `vectors()`). */
  get names(): readonly string[] {
    return this.names_;
  }
  /** True when an item of that name exists. */
  has(name: string): boolean {
    return this.index_.has(name);
  }
  /** Row index of a name; HrrError if absent. */
  indexOf(name: string): number {
    const i = this.index_.get(name);
    if (i === undefined) throw new HrrError('name', `Vocabulary: no item named ${JSON.stringify(name)}`);
    return i;
  }
  /** A copy of the item's vector. */
  get(name: string): Float32Array {
    const i = this.indexOf(name),
      d = this.vsa.dim;
    return this.data.slice(i * d, (i + 1) * d);
  }
  /** A copy of all vectors, [size, D] row-major in `names` order. */
  vectors(): Float32Array {
    return this.data.slice(0, this.size * this.vsa.dim);
  }

  /** Adds named vectors as given (no similarity check). `vectors` is [names.length, D]. */
  add(names: string | readonly string[], vectors: ArrayLike<number>): void {
    const list = typeof names === 'string' ? [names] : [...names];
    const n = rowsOf('Vocabulary.add', vectors, this.vsa.dim, 'vectors');
    if (n !== list.length) throw new HrrError('vectors', `Vocabulary.add: ${list.length} names but ${n} vectors`, { code: 'ERR_SHAPE' });
    this.checkNames(list);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < this.vsa.dim; j++) {
        if (!Number.isFinite(vectors[r * this.vsa.dim + j]))
          throw new HrrError('vectors', `Vocabulary.add: vector for ${JSON.stringify(list[r])} has a non-finite element at ${j}`, {
            code: 'ERR_NOT_FINITE',
          });
      }
    }
    const d = this.vsa.dim;
    const all = vectors instanceof Float32Array ? vectors : Float32Array.from(vectors);
    for (let r = 0; r < n; r++) this.push(list[r], all.subarray(r * d, (r + 1) * d));
  }

  /**
   * Creates random items from the vocabulary's generator, rejecting candidates more similar than
   * `maxSimilarity` to any existing item (computed in float64 on the CPU, so the same seed gives
   * the same vocabulary on every backend). Returns the new vectors, [names.length, D].
   * @throws HrrError after `maxTries` rejected candidates for one item (raise D or the bound).
   */
  create(names: string | readonly string[]): Float32Array {
    const list = typeof names === 'string' ? [names] : [...names];
    this.checkNames(list);
    const d = this.vsa.dim,
      f = this.vsa.featureDim;
    const out = new Float32Array(list.length * d);
    const check = this.maxSimilarity < 1;
    for (let r = 0; r < list.length; r++) {
      let accepted: Float32Array | null = null;
      let acceptedFeatures: Float32Array | undefined;
      let worst = -Infinity;
      for (let t = 0; t < this.maxTries && accepted === null; t++) {
        const cand = this.vsa.random(this.rng, 1);
        if (!check) {
          accepted = cand;
          break;
        }
        const cf = this.vsa.features(cand);
        let max = -Infinity;
        for (let i = 0; i < this.size && max <= this.maxSimilarity; i++) {
          let s = 0;
          const o = i * f;
          for (let j = 0; j < f; j++) s += cf[j] * this.feats[o + j];
          if (s > max) max = s;
        }
        if (max <= this.maxSimilarity) {
          accepted = cand;
          acceptedFeatures = cf;
        } else worst = Math.max(worst, max);
      }
      if (accepted === null) {
        throw new HrrError(
          'maxSimilarity',
          `Vocabulary.create: no candidate for ${JSON.stringify(list[r])} within maxSimilarity=${this.maxSimilarity} of ${this.size} items after ${this.maxTries} tries (D=${d}); raise D or maxSimilarity`,
          { code: 'ERR_STATE' },
        );
      }
      this.push(list[r], accepted, acceptedFeatures);
      out.set(accepted, r * d);
    }
    return out;
  }

  /**
   * Similarities of each query row to every item, [q, size] row-major (the model's similarity:
   * cosine for hrr/map, mean cos of angle differences for fhrr), computed as one matmul on the
   * active backend and read back asynchronously (see `cleanup`).
   */
  async similarities(queries: ArrayLike<number>): Promise<Float32Array> {
    const q = rowsOf('Vocabulary.similarities', queries, this.vsa.dim, 'queries');
    if (this.size === 0) return new Float32Array(0);
    const s = tf.tidy(() => this.scores(this.vsa.features(queries), q));
    try {
      return (await s.data()) as Float32Array;
    } finally {
      s.dispose();
    }
  }

  /**
   * Cleanup: for each query row ([q, D] or one vector), the `k` most similar items with
   * similarity ≥ `threshold`, best first (ties: lower index first). Batched: one matmul
   * [q, F] × [F, size] and one top-k on the active backend.
   *
   * Asynchronous: the scores are read back with `await tensor.data()`, the one read that is
   * correct on every tfjs backend (on webgpu a synchronous read after a matmul can return
   * zeros) and that does not block a page while a GPU works. Argument errors reject the promise.
   */
  async cleanup(queries: ArrayLike<number>, opts: CleanupOptions = {}): Promise<CleanupMatch[][]> {
    const q = rowsOf('Vocabulary.cleanup', queries, this.vsa.dim, 'queries');
    const kReq = checkInt('Vocabulary.cleanup', 'k', opts.k ?? 1, 1);
    const threshold = opts.threshold ?? -Infinity;
    if (typeof threshold !== 'number' || Number.isNaN(threshold))
      throw new HrrError('threshold', `Vocabulary.cleanup: threshold must be a number, got ${String(threshold)}`);
    if (this.size === 0) return Array.from({ length: q }, () => []);
    const k = Math.min(kReq, this.size);
    const qf = this.vsa.features(queries);
    const [vals, idx] = tf.tidy(() => {
      const t = tf.topk(this.scores(qf, q), k, true);
      return [t.values, t.indices];
    });
    let v: ArrayLike<number>, ix: ArrayLike<number>;
    try {
      [v, ix] = await Promise.all([vals.data(), idx.data()]);
    } finally {
      vals.dispose();
      idx.dispose();
    }
    const res: CleanupMatch[][] = [];
    for (let r = 0; r < q; r++) {
      const row: CleanupMatch[] = [];
      for (let j = 0; j < k; j++) {
        const score = v[r * k + j],
          index = ix[r * k + j];
        if (score >= threshold) row.push({ name: this.names_[index], index, score });
      }
      res.push(row);
    }
    return res;
  }

  /** Evaluates a nengo_spa-style expression such as `"A*B + ~C"` over the items (see `parseExpression`). */
  parse(expr: string): Float32Array {
    return parseExpression(this, expr);
  }

  /** nengo_spa `create_subset`: a new vocabulary of the same model holding copies of the named items. */
  createSubset(names: readonly string[], seed: SeedOrRng = 0): Vocabulary {
    const sub = new Vocabulary(this.vsa, seed, { maxSimilarity: this.maxSimilarity, maxTries: this.maxTries });
    const d = this.vsa.dim,
      v = new Float32Array(names.length * d);
    names.forEach((n, i) => v.set(this.get(n), i * d));
    sub.add(names, v);
    return sub;
  }

  /** nengo_spa `transform_to`: the [D_other, D] matrix mapping each item to the same-named item of `other` (see `transformTo`). */
  transformTo(other: Vocabulary, names?: readonly string[]): Float32Array {
    return transformTo(this, other, names);
  }

  /** Frees the cached item tensors (the vocabulary stays usable). */
  dispose(): void {
    if (this.itemBlocks !== null) for (const t of this.itemBlocks) t.dispose();
    this.itemBlocks = null;
  }

  /**
   * Similarity matrix S = Qf · Fᵀ, [q, size], of query features `qf` ([q, F]) against the
   * items, as a sum of block products S = Σ_b Qf[:, b] · Fᵀ[b, :] over blocks b of the feature
   * axis. Each block of the item matrix holds at most ~2 MB, so that XNNPACK's GEMM (which
   * walks the whole shared dimension per output tile) re-reads it from cache rather than
   * from memory: for 100 queries × 1000 items × D = 10000 on wasm this halves the time of one
   * [100, 10000] × [10000, 1000] product. Call inside tf.tidy.
   */
  private scores(qf: Float32Array, q: number): Tensor2D {
    const blocks = this.items();
    const f = this.vsa.featureDim;
    if (blocks.length === 1) return tf.matMul(tf.tensor2d(qf, [q, f]), blocks[0]);
    const starts = this.blockStarts;
    const parts: Tensor2D[] = [];
    for (let b = 0; b < blocks.length; b++) {
      const c0 = starts[b],
        w = starts[b + 1] - c0;
      const a = new Float32Array(q * w);
      for (let r = 0; r < q; r++) a.set(qf.subarray(r * f + c0, r * f + c0 + w), r * w);
      parts.push(tf.matMul(tf.tensor2d(a, [q, w]), blocks[b]));
    }
    return tf.addN(parts);
  }

  /** Item features transposed, [F, size], as row blocks (a plain matmul: wasm's transposeB copies the matrix per call). */
  private items(): Tensor2D[] {
    if (this.itemBlocks === null || this.itemBlocks.some((t) => t.isDisposed)) {
      const f = this.vsa.featureDim,
        m = this.size;
      const t = new Float32Array(f * m);
      for (let i = 0; i < m; i++) for (let j = 0; j < f; j++) t[j * m + i] = this.feats[i * f + j];
      const nb = Math.max(1, Math.ceil((f * m) / BLOCK_FLOATS));
      const rows = Math.ceil(f / nb);
      this.blockStarts = [];
      this.itemBlocks = [];
      for (let c0 = 0; c0 < f; c0 += rows) {
        const w = Math.min(rows, f - c0);
        this.blockStarts.push(c0);
        // kept: the first call may come from inside a caller's tf.tidy
        this.itemBlocks.push(tf.keep(tf.tensor2d(t.subarray(c0 * m, (c0 + w) * m), [w, m])));
      }
      this.blockStarts.push(f);
    }
    return this.itemBlocks;
  }

  private checkNames(list: string[]): void {
    const seen = new Set<string>();
    for (const nm of list) {
      if (typeof nm !== 'string' || !NAME.test(nm))
        throw new HrrError('name', `Vocabulary: item names must be 1–256 printable characters, got ${JSON.stringify(nm)}`);
      if (this.index_.has(nm) || seen.has(nm)) throw new HrrError('name', `Vocabulary: an item named ${JSON.stringify(nm)} already exists`);
      seen.add(nm);
    }
  }

  /** Appends item `v`; `features` is `vsa.features(v)` when the caller already computed it. */
  private push(name: string, v: Float32Array, features: Float32Array = this.vsa.features(v)): void {
    const d = this.vsa.dim,
      f = this.vsa.featureDim,
      i = this.size;
    if ((i + 1) * d > this.data.length) {
      const cap = Math.max(16, 2 * (i + 1));
      const nd = new Float32Array(cap * d);
      nd.set(this.data);
      this.data = nd;
      const nf = new Float32Array(cap * f);
      nf.set(this.feats);
      this.feats = nf;
    }
    this.data.set(v, i * d);
    this.feats.set(features, i * f);
    this.names_.push(name);
    this.index_.set(name, i);
    this.dispose();
  }
}
