/**
 * A seeded pseudo-random generator. Every method draws from one 32-bit stream
 * (xoshiro128**), so the same seed gives bit-identical numbers on every
 * backend and platform. Make one with `createRng(seed)`.
 *
 * Determinism: the stream itself uses integer arithmetic only (`Math.imul`,
 * shifts, xor, `>>> 0`). Derived distributions use only IEEE-754 `+ - * /`,
 * `Math.sqrt` (correctly rounded everywhere), `Math.floor`/`Math.abs`, and, where
 * a rejection test or an inversion needs ln or e^x (normal tails and wedges,
 * exponential, geometric, binomial/Poisson setup and acceptance, hypergeometric
 * acceptance, truncated normal), the fdlibm algorithms in det-math.ts written with those same basic
 * operations. `Math.log`/`Math.exp` are never called: engines may round them
 * differently (Chromium and Node do), so the results are bit-identical across
 * engines, backends and operating systems.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits: (a·2^26 + b) / 2^53 from two 32-bit draws. */
  uniform(): number;
  /** Unbiased integer in [0, n), 1 <= n <= 2^53 (Lemire's multiply-and-reject for n <= 2^32). */
  uniformInt(n: number): number;
  /** Normal N(mean, std^2) by the 256-layer ziggurat with 53-bit magnitudes. */
  normal(mean?: number, std?: number): number;
  /** Binomial(n, p): number of successes in n Bernoulli(p) trials; exact (inversion or BTPE). */
  binomial(n: number, p: number): number;
  /** Poisson(lambda): P(k) = lambda^k e^-lambda / k!; multiplication (lambda < 10) or PTRS. */
  poisson(lambda: number): number;
  /**
   * Normal N(mean, std^2) conditioned on lo <= x <= hi (lo < hi; either may be
   * infinite). Exact rejection samplers (Robert 1995) that stay efficient deep
   * in the tails, e.g. lo = mean + 6 std.
   */
  truncatedNormal(lo: number, hi: number, mean?: number, std?: number): number;
  /** Exponential with density rate·e^{-rate·x}, x >= 0 (inversion: -ln(1-U)/rate). */
  exponential(rate?: number): number;
  /** Failures before the first success, P(k) = (1-p)^k p, k >= 0, p in (0, 1] (inversion). */
  geometric(p: number): number;
  /**
   * Hypergeometric(good, bad, sample): the number of good items among `sample`
   * items drawn without replacement from `good` good and `bad` bad items,
   * P(X = x) = C(good, x)·C(bad, sample − x) / C(good + bad, sample) for
   * max(0, sample − bad) <= x <= min(sample, good). Integers good, bad >= 0,
   * good + bad <= 2^53 − 1, 0 <= sample <= good + bad. Exact, O(1) expected
   * time: numpy's algorithm (Stadlober's ratio-of-uniforms HRUA when
   * 10 <= sample <= good + bad − 10, else item-by-item draws).
   */
  hypergeometric(good: number, bad: number, sample: number): number;
  /**
   * k distinct integers of [0, n) as a uniformly random ordered sample (not
   * sorted). O(k) expected time and memory when k << n (sparse Fisher-Yates on
   * a Map); dense partial Fisher-Yates when k is a large fraction of n.
   */
  sampleWithoutReplacement(n: number, k: number): Int32Array;
  /** Shuffle in place (Fisher-Yates with unbiased `uniformInt`) and return `a`. */
  shuffle<T extends { length: number; [i: number]: any }>(a: T): T;
  /**
   * Fill with uniform values in [lo, hi) (default [0, 1)); a number n makes a new
   * Float32Array(n). Float32Array fills use one 24-bit draw per element,
   * Float64Array fills the 53-bit `uniform()`.
   */
  uniformArray(out: Float32Array | Float64Array | number, lo?: number, hi?: number): Float32Array | Float64Array;
  /**
   * Fill with N(mean, std^2) values; a number n makes a new Float32Array(n).
   * Float32Array fills use the single-draw 32-bit ziggurat (8 bits layer,
   * 1 sign, 23 magnitude), Float64Array fills the same numbers as `normal()`.
   */
  normalArray(out: Float32Array | Float64Array | number, mean?: number, std?: number): Float32Array | Float64Array;
  /** A new generator whose state is a splitmix64 hash of 4 draws of this one (advances this one by 4). */
  split(): Rng;
  /** A copy with the same state: it yields the same future numbers as this one. */
  clone(): Rng;
}
