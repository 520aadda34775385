import type { BundleOptions } from './bundle.js';
import type { SeedOrRng } from '@neurite/tensor';

/** The vector-symbolic models behind the one `Vsa` interface. */
export type VsaModel = 'hrr' | 'fhrr' | 'map' | 'bsc' | 'bsbc' | 'cgr' | 'mcr' | 'vtb' | 'tvtb' | 'ghrr';

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
 * | `bsc`  | bits {0, 1} | XOR | XOR | 1 − 2·Hamming/D |
 * | `bsbc` | one 1 per block of L (D = B·L) | block-wise circular convolution | convolution with the block-reversed key | cosine (fraction of equal blocks) |
 * | `cgr`  | integers mod q | (a + b) mod q | (c − a) mod q | fraction of equal elements |
 * | `mcr`  | integers mod q (phasors e^{2πik/q}) | (a + b) mod q | (c − a) mod q | mean cos(2π(a − b)/q) |
 * | `vtb`  | real, N(0, 1/D), D = d² | vec(√d·X Yᵀ) | √d·Cᵀ X (recovers y) | cosine |
 * | `tvtb` | real, N(0, 1/D), D = d² | vec(√d·X Y) | √d·Xᵀ C (recovers y) | cosine |
 * | `ghrr` | D unitary m×m complex matrices (2m²·D floats) | a_j b_j | a_j^† c_j | Re Σ tr(a_j b_j^†) / (‖a‖‖b‖) |
 *
 * Unbinding convention for every model: `unbind(c, a)` recovers b from c = bind(a, b) and
 * `unbindRight(c, b)` recovers a (the two agree for the commutative models; vtb, tvtb and ghrr
 * are not commutative).
 */
export interface Vsa {
  /** The model's name (`createVsa`'s `model`). */
  readonly model: VsaModel;
  /** Dimension D (floats per vector). */
  readonly dim: number;
  /**
   * Floats per independent element: 1, except bsbc (a block of L) and ghrr (an m×m complex
   * matrix, 2m²). Basis sets and random selection mix whole elements.
   */
  readonly elementSize: number;
  /** `count` random vectors ([count, D]) from a seed or Rng; same seed → same vectors on every backend. */
  random(seed: SeedOrRng, count?: number): Float32Array;
  /** Binding (row-wise, broadcasting). */
  bind(a: ArrayLike<number>, b: ArrayLike<number>, out?: Float32Array): Float32Array;
  /** Unbinding of key `a` from trace `c` = bind(a, b): ≈ b (approximate for hrr, vtb, tvtb with non-unitary keys). */
  unbind(c: ArrayLike<number>, a: ArrayLike<number>, out?: Float32Array): Float32Array;
  /** Unbinding of the right operand: from c = bind(a, b) and b, ≈ a (= unbind for commutative models). */
  unbindRight(c: ArrayLike<number>, b: ArrayLike<number>, out?: Float32Array): Float32Array;
  /**
   * The approximate inverse (hrr: involution; vtb/tvtb: transpose; ghrr: conjugate transpose;
   * exact for the others): unbindRight(c, b) = bind(c, inverse(b)).
   */
  inverse(a: ArrayLike<number>): Float32Array;
  /** Exact left inverse l with bind(l, a) = identity (nengo_spa `linv`); throws for a singular a (hrr, vtb, tvtb, ghrr). */
  leftInverse(a: ArrayLike<number>): Float32Array;
  /** Exact right inverse r with bind(a, r) = identity (nengo_spa `rinv`). */
  rightInverse(a: ArrayLike<number>): Float32Array;
  /**
   * The model's normalisation, mapping a sum back onto the element set: hrr, vtb, tvtb unit norm;
   * map sign (ties +1); bsc bits ≥ ½; bsbc one-hot arg-max per block; cgr, mcr rounding mod q;
   * fhrr wrapping into [−π, π); ghrr the unitary polar factor of each element.
   */
  normalize(a: ArrayLike<number>): Float32Array;
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
  /**
   * The empty element: all zeros. It is the neutral element of the additive bundles (hrr, map,
   * vtb, tvtb, ghrr, bsbc without `normalize`); for the majority/phase bundles (bsc, cgr, mcr,
   * fhrr) no neutral element exists and the zero vector counts as one more member.
   */
  empty(): Float32Array;
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
  /** Dimension D: the Float32Array length (vtb/tvtb: a square; bsbc: a multiple of blockSize; ghrr: a multiple of 2·blockSize²). */
  dim: number;
  /** bsbc: block length L (default 16); ghrr: matrix size m (default 2). Must divide dim as above. */
  blockSize?: number;
  /** cgr, mcr: the group order q (default 16). */
  levels?: number;
}
