import type { BundleOptions } from './bundle.js';
import type { SeedOrRng } from '@neurite/tensor';

/** The vector-symbolic models behind the one `Vsa` interface. */
export type VsaModel = 'hrr' | 'fhrr' | 'map';

/**
 * One VSA model at a fixed dimension D. Vectors are Float32Arrays of length D; batches are
 * row-major [batch, D] Float32Arrays (batch = length / D) and single rows broadcast. Every
 * method runs synchronously on typed arrays in the calling thread and touches no tfjs tensor;
 * for batches on a tfjs backend (a GPU) use `bindTensor` / `unbindTensor` with `{ model }`.
 *
 * | model | element | bind | unbind | similarity |
 * |---|---|---|---|---|
 * | `hrr`  | real, N(0, 1/D) | circular convolution (FFT) | circular correlation | cosine |
 * | `fhrr` | phase angle θ ∈ [−π, π) (a unit phasor e^{iθ}) | angle add (mod 2π) | angle subtract | mean cos(θa − θb) |
 * | `map`  | bipolar ±1 | elementwise multiply | elementwise multiply | cosine |
 */
export interface Vsa {
  readonly model: VsaModel;
  readonly dim: number;
  /** `count` random vectors ([count, D]) from a seed or Rng; same seed → same vectors on every backend. */
  random(seed: SeedOrRng, count?: number): Float32Array;
  /** Binding (row-wise, broadcasting). */
  bind(a: ArrayLike<number>, b: ArrayLike<number>, out?: Float32Array): Float32Array;
  /** Unbinding of key `a` from trace `c` (approximate for hrr with non-unitary keys). */
  unbind(c: ArrayLike<number>, a: ArrayLike<number>, out?: Float32Array): Float32Array;
  /** The (approximate for hrr) inverse used by `unbind`: unbind(c, a) = bind(c, inverse(a)). */
  inverse(a: ArrayLike<number>): Float32Array;
  /** Binding power a^p (hrr: any real p; fhrr: p·θ; map: integer p only). */
  power(a: ArrayLike<number>, p: number): Float32Array;
  /** A unitary version (hrr: |A_k| = 1; fhrr and map vectors are unitary already: a copy). */
  unitary(a: ArrayLike<number>): Float32Array;
  /** Permutation: a cyclic shift by an integer or an index permutation (see `permute`). */
  permute(a: ArrayLike<number>, by: number | ArrayLike<number>): Float32Array;
  /**
   * Superposition of the rows. hrr: Σ w_i v_i (unit norm with `normalize`); fhrr: the angle of
   * Σ w_i e^{iθ_i} (always a phasor); map: Σ w_i v_i, or its sign with `normalize` (ties → +1).
   */
  bundle(vectors: ArrayLike<number> | ArrayLike<number>[], opts?: BundleOptions): Float32Array;
  /** Similarity of two vectors of length D (see the table). */
  similarity(a: ArrayLike<number>, b: ArrayLike<number>): number;
  /** The identity of binding (bind(a, identity) = a). */
  identity(): Float32Array;
  /** Feature width F of `features`. */
  readonly featureDim: number;
  /**
   * Row features f with similarity(a, b) = f(a)·f(b) ([n, F] row-major): unit-normalised rows for
   * hrr/map, [cos θ, sin θ]/√D for fhrr. Used for batched cleanup as a matmul.
   */
  features(rows: ArrayLike<number>): Float32Array;
}

/** Options of `createVsa`. */
export interface VsaOptions {
  /** The model (default 'hrr'). */
  model?: VsaModel;
  /** Dimension D (any positive integer). */
  dim: number;
}
