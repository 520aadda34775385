import { checkLength } from './check-length.js';
import { PlanCache, PLAN_CACHE_SIZE } from './plan-cache.js';
import { EvenRealPlan } from './even-real-plan.js';
import { OddRealPlan } from './odd-real-plan.js';
import { UnitRealPlan } from './unit-real-plan.js';

/** A real FFT of length n: n real samples <-> floor(n/2)+1 complex bins. */
export interface RealFftPlan {
  /** Transform length (real samples). */
  readonly n: number;
  /** floor(n/2) + 1 */
  readonly bins: number;
  /**
   * X[k] = sum_t x[t] e^{-2 pi i k t / n}, k = 0..bins-1, written interleaved
   * [re0, im0, re1, im1, ...] (2*bins numbers) into `out` from `outOffset`.
   * Reads n numbers of `x` from `xOffset`. Allocates `out` when not given.
   */
  forward(x: ArrayLike<number>, out?: Float64Array, xOffset?: number, outOffset?: number): Float64Array;
  /**
   * x[t] = (1/n) sum_{k=0}^{n-1} X[k] e^{+2 pi i k t / n}, with the bins above
   * bins-1 taken from Hermitian symmetry X[n-k] = conj X[k]; the imaginary
   * parts of X[0] (and of X[n/2] for even n) are ignored, as in numpy.fft.irfft.
   * Reads 2*bins numbers of `spec` from `specOffset`, writes n reals.
   */
  inverse(spec: ArrayLike<number>, out?: Float64Array, specOffset?: number, outOffset?: number): Float64Array;
  /**
   * Row-wise circular convolution of real signals of length n,
   *   out[r][t] = sum_s a_r[s] b_r[(t - s) mod n] = IDFT(DFT(a_r) · DFT(b_r))[t],
   * or with `correlate` the circular correlation
   *   out[r][t] = sum_s a_r[s] b_r[(s + t) mod n] = IDFT(conj(DFT(a_r)) · DFT(b_r))[t].
   * `a`, `b` and `out` are row-major [rows, n]; an operand of a single row
   * (length n) is used for every row (its spectrum is computed once).
   * rows = out.length / n. Float64 arithmetic. For even n with a smooth half
   * (n/2 = 2^a 3^b 5^c ... up to 31) the spectra are never stored: three
   * half-length FFTs per row with the product fused in between (see
   * SplitConvolver); other n run forward, multiply, inverse. Work buffers are
   * allocated on the first call and reused.
   * @throws TensorError when a length is not n or rows * n.
   */
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array, correlate?: boolean): void;
}

const realPlans = new PlanCache<RealFftPlan>(PLAN_CACHE_SIZE);

/**
 * The real FFT plan of length n (any integer n >= 1), cached per n (the
 * PLAN_CACHE_SIZE most recently used lengths are kept; see plan-cache.ts). Even n
 * runs a complex FFT of n/2 plus the split post-processing; odd n a complex
 * FFT of n. Complex lengths use a mixed-radix Stockham FFT (radix 8, 4, 2,
 * 3, 5 and odd primes up to 31; powers of two up to 8192), fft.js (larger
 * powers of two) or Bluestein (otherwise).
 * Work buffers belong to the plan: a call with `out` given allocates nothing.
 * `out` must not overlap the input.
 * @throws TensorError when n is not an integer in [1, 2^26].
 */
export function realFftPlan(n: number): RealFftPlan {
  checkLength('realFftPlan', n);
  return realPlans.get(n, () => (n === 1 ? new UnitRealPlan() : n % 2 === 0 ? new EvenRealPlan(n) : new OddRealPlan(n)));
}
