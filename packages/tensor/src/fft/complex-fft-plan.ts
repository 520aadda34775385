import type { FftEngine } from './fft-engine.js';
import { IdentityFft } from './identity-fft.js';
import { Pow2Fft } from './pow2-fft.js';
import { MixedRadixFft, MAX_STOCKHAM_POW2 } from './mixed-radix-fft.js';
import { MAX_DIRECT_PRIME, largestPrimeFactor } from './radix-plan.js';
import { BluesteinFft } from './bluestein-fft.js';
import { checkLength, checkSpan } from './check-length.js';
import { PlanCache, PLAN_CACHE_SIZE } from './plan-cache.js';

/**
 * A complex FFT of length n on interleaved numbers `[re0, im0, re1, im1, ...]`
 * (2n numbers), float64 arithmetic.
 */
export interface ComplexFftPlan {
  /** Transform length (complex samples). */
  readonly n: number;
  /** X[k] = sum_t x[t] e^{-2 pi i k t / n}, k = 0..n-1. */
  forward(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** x[t] = (1/n) sum_k X[k] e^{+2 pi i k t / n}, t = 0..n-1. */
  inverse(x: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/**
 * Pick the engine for a complex FFT of length n: identity (n = 1), fft.js
 * (powers of two above MAX_STOCKHAM_POW2), mixed-radix Stockham (largest
 * prime factor <= 31, smaller powers of two included) or Bluestein (any
 * other n).
 */
function createFftEngine(n: number): FftEngine {
  if (n === 1) return new IdentityFft();
  if ((n & (n - 1)) === 0) return n <= MAX_STOCKHAM_POW2 ? new MixedRadixFft(n) : new Pow2Fft(n);
  if (largestPrimeFactor(n) <= MAX_DIRECT_PRIME) return new MixedRadixFft(n);
  return new BluesteinFft(n);
}

const engines = new PlanCache<FftEngine>(PLAN_CACHE_SIZE);
/** The cached engine of length n (the PLAN_CACHE_SIZE most recently used lengths are kept). @internal */
export function fftEngine(n: number): FftEngine {
  return engines.get(n, () => createFftEngine(n));
}

class ComplexPlan implements ComplexFftPlan {
  readonly n: number;
  private readonly engine: FftEngine;
  private readonly tmp: Float64Array;
  constructor(n: number) {
    this.n = n;
    this.engine = fftEngine(n);
    this.tmp = new Float64Array(2 * n);
  }
  forward(x: ArrayLike<number>, out?: Float64Array): Float64Array {
    return this.apply('forward', x, out, false);
  }
  inverse(x: ArrayLike<number>, out?: Float64Array): Float64Array {
    return this.apply('inverse', x, out, true);
  }
  private apply(fn: string, x: ArrayLike<number>, out: Float64Array | undefined, inverse: boolean): Float64Array {
    const m = 2 * this.n;
    checkSpan(`ComplexFftPlan.${fn}`, 'x', x, 0, m);
    const o = out ?? new Float64Array(m);
    checkSpan(`ComplexFftPlan.${fn}`, 'out', o, 0, m);
    if ((o as unknown) === x) {
      // in place: go through a work buffer
      this.engine.run(x, 0, this.tmp, 0, inverse);
      o.set(this.tmp);
    } else {
      this.engine.run(x, 0, o, 0, inverse);
    }
    return o;
  }
}

const complexPlans = new PlanCache<ComplexFftPlan>(PLAN_CACHE_SIZE);

/**
 * The complex FFT plan of length n (any integer n >= 1), cached per n (the
 * PLAN_CACHE_SIZE most recently used lengths are kept; see plan-cache.ts).
 * @throws TensorError when n is not an integer in [1, 2^26].
 */
export function complexFftPlan(n: number): ComplexFftPlan {
  checkLength('complexFftPlan', n);
  return complexPlans.get(n, () => new ComplexPlan(n));
}
