/**
 * xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"): 128-bit state s0..s3, period 2^128 - 1, output
 *   result = rotl(s1 · 5, 7) · 9 (mod 2^32)
 *   t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 * Integer-only (Math.imul, shifts, xor), so bit-identical on every platform.
 * Distributions live in their own files and draw through this class.
 */
import { TensorError } from '../tensor-error.js';
import type { Rng } from './rng.js';
import { addGamma, mix64 } from './seed.js';
import { uniformIntOf } from './uniform-int.js';
import { normalFill32, normalStd } from './ziggurat.js';
import { binomialOf } from './binomial.js';
import { poissonOf } from './poisson.js';
import { truncatedStdNormalOf } from './truncated-normal.js';
import { sampleWithoutReplacementOf } from './sample-without-replacement.js';
import { shuffleOf } from './shuffle.js';
import { exponentialOf } from './exponential.js';
import { geometricOf } from './geometric.js';
import { hypergeometricOf } from './hypergeometric.js';
import { checkFinite, checkInt, checkPositive, checkProb } from '../tensor-validators.js';

const TWO53 = 9007199254740992;
const INV_2_53 = 1 / TWO53;
const INV_2_24 = 1 / 16777216;

export class Xoshiro128StarStar implements Rng {
  /** @internal State words (int32). Read and written by the inlined fill loops. */
  s0: number;
  /** @internal */ s1: number;
  /** @internal */ s2: number;
  /** @internal */ s3: number;

  /** `state`: four 32-bit words, not all zero. */
  constructor(state: ArrayLike<number>) {
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      throw new TensorError('state', 'xoshiro128**: the state must not be all zero');
    }
  }

  /** The four state words as uint32 (for tests and serialisation). */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  nextUint32(): number {
    const s0 = this.s0,
      s1 = this.s1;
    const p = Math.imul(s1, 5);
    const result = Math.imul((p << 7) | (p >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * INV_2_53;
  }

  uniformInt(n: number): number {
    checkInt('uniformInt', 'n', n, 1, TWO53);
    return uniformIntOf(this, n);
  }

  normal(mean = 0, std = 1): number {
    checkFinite('normal', 'mean', mean);
    checkPositive('normal', 'std', std, true);
    return mean + std * normalStd(this);
  }

  binomial(n: number, p: number): number {
    checkInt('binomial', 'n', n, 0, Number.MAX_SAFE_INTEGER);
    checkProb('binomial', 'p', p);
    return binomialOf(this, n, p);
  }

  poisson(lambda: number): number {
    checkPositive('poisson', 'lambda', lambda, true);
    if (lambda > 1e15) throw new TensorError('lambda', `poisson: lambda must be <= 1e15, got ${lambda}`);
    return poissonOf(this, lambda);
  }

  truncatedNormal(lo: number, hi: number, mean = 0, std = 1): number {
    checkFinite('truncatedNormal', 'mean', mean);
    checkPositive('truncatedNormal', 'std', std);
    if (typeof lo !== 'number' || Number.isNaN(lo) || lo === Infinity) {
      throw new TensorError('lo', `truncatedNormal: lo must be a number < Infinity, got ${String(lo)}`);
    }
    if (typeof hi !== 'number' || Number.isNaN(hi) || hi === -Infinity) {
      throw new TensorError('hi', `truncatedNormal: hi must be a number > -Infinity, got ${String(hi)}`);
    }
    if (!(lo < hi)) throw new TensorError('lo', `truncatedNormal: lo must be < hi, got lo = ${lo}, hi = ${hi}`);
    const a = (lo - mean) / std;
    const b = (hi - mean) / std;
    if (!(a < b)) throw new TensorError('hi', `truncatedNormal: [lo, hi] = [${lo}, ${hi}] is narrower than std·2^-52 around mean ${mean}`);
    const x = mean + std * truncatedStdNormalOf(this, a, b);
    return x < lo ? lo : x > hi ? hi : x;
  }

  exponential(rate = 1): number {
    checkPositive('exponential', 'rate', rate);
    return exponentialOf(this, rate);
  }

  geometric(p: number): number {
    checkProb('geometric', 'p', p, true);
    return geometricOf(this, p);
  }

  hypergeometric(good: number, bad: number, sample: number): number {
    checkInt('hypergeometric', 'good', good, 0, Number.MAX_SAFE_INTEGER);
    checkInt('hypergeometric', 'bad', bad, 0, Number.MAX_SAFE_INTEGER);
    if (good + bad > Number.MAX_SAFE_INTEGER) {
      throw new TensorError('bad', `hypergeometric: good + bad must be <= 2^53 - 1, got ${good} + ${bad}`, { code: 'ERR_OUT_OF_RANGE' });
    }
    checkInt('hypergeometric', 'sample', sample, 0, good + bad);
    return hypergeometricOf(this, good, bad, sample);
  }

  sampleWithoutReplacement(n: number, k: number): Int32Array {
    checkInt('sampleWithoutReplacement', 'n', n, 0, 2147483647);
    checkInt('sampleWithoutReplacement', 'k', k, 0, n);
    return sampleWithoutReplacementOf(this, n, k);
  }

  shuffle<T extends { length: number; [i: number]: any }>(a: T): T {
    if (a === null || typeof a !== 'object' || typeof a.length !== 'number') {
      throw new TensorError('a', 'shuffle: a must be an array or typed array');
    }
    return shuffleOf(this, a);
  }

  uniformArray(out: Float32Array | Float64Array | number, lo = 0, hi = 1): Float32Array | Float64Array {
    const arr = makeArray('uniformArray', out);
    checkFinite('uniformArray', 'lo', lo);
    checkFinite('uniformArray', 'hi', hi);
    if (!(lo < hi)) throw new TensorError('lo', `uniformArray: lo must be < hi, got lo = ${lo}, hi = ${hi}`);
    const w = hi - lo;
    if (!Number.isFinite(w)) throw new TensorError('hi', `uniformArray: hi - lo overflows (lo = ${lo}, hi = ${hi})`);
    const n = arr.length;
    if (arr instanceof Float32Array) {
      // value = fround(lo + w·u), u = (x >>> 8) / 2^24; clamped into [bottom, top] = the float32s in [lo, hi).
      const bottom = float32AtLeast(lo),
        top = float32Below(hi);
      if (!(bottom <= top)) throw new TensorError('hi', `uniformArray: no float32 value lies in [${lo}, ${hi})`);
      const exact = lo === 0 && hi === 1;
      let s0 = this.s0,
        s1 = this.s1,
        s2 = this.s2,
        s3 = this.s3;
      for (let j = 0; j < n; j++) {
        const p = Math.imul(s1, 5);
        const x = Math.imul((p << 7) | (p >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        arr[j] = lo + w * ((x >>> 8) * INV_2_24);
        if (!exact) {
          const v = arr[j];
          if (v < bottom) arr[j] = bottom;
          else if (v > top) arr[j] = top;
        }
      }
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.s3 = s3;
    } else {
      const top = nextDown(hi);
      for (let j = 0; j < n; j++) {
        const v = lo + w * this.uniform();
        arr[j] = v > top ? top : v;
      }
    }
    return arr;
  }

  normalArray(out: Float32Array | Float64Array | number, mean = 0, std = 1): Float32Array | Float64Array {
    const arr = makeArray('normalArray', out);
    checkFinite('normalArray', 'mean', mean);
    checkPositive('normalArray', 'std', std, true);
    if (arr instanceof Float32Array) {
      normalFill32(this, arr, mean, std);
    } else {
      for (let j = 0; j < arr.length; j++) arr[j] = mean + std * normalStd(this);
    }
    return arr;
  }

  split(): Rng {
    const w0 = this.nextUint32(),
      w1 = this.nextUint32(),
      w2 = this.nextUint32(),
      w3 = this.nextUint32();
    // child = [lo, hi] of mix64(w1:w0 + γ) and mix64(w3:w2 + γ): a bijection of the 128 drawn bits.
    const a = mix64(...addGamma(w1, w0, 1));
    const b = mix64(...addGamma(w3, w2, 1));
    const s = [a[1], a[0], b[1], b[0]];
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    return new Xoshiro128StarStar(s);
  }

  clone(): Rng {
    return new Xoshiro128StarStar([this.s0, this.s1, this.s2, this.s3]);
  }
}

function makeArray(fn: string, out: Float32Array | Float64Array | number): Float32Array | Float64Array {
  if (typeof out === 'number') {
    checkInt(fn, 'out', out, 0, 2 ** 32);
    return new Float32Array(out);
  }
  if (out instanceof Float32Array || out instanceof Float64Array) return out;
  throw new TensorError('out', `${fn}: out must be a Float32Array, a Float64Array or a length`);
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The largest double < x (x finite). */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = x > 0 ? u64[0] - 1n : u64[0] + 1n;
  return f64[0];
}

/** The largest float32 < x. */
function float32Below(x: number): number {
  const f = Math.fround(x);
  if (f < x) return f;
  if (f === 0) return -1.401298464324817e-45;
  f32[0] = f;
  u32[0] = f > 0 ? u32[0] - 1 : u32[0] + 1;
  return f32[0];
}

/** The smallest float32 >= x. */
function float32AtLeast(x: number): number {
  const f = Math.fround(x);
  if (f >= x) return f;
  if (f === 0) return 1.401298464324817e-45;
  f32[0] = f;
  u32[0] = f > 0 ? u32[0] + 1 : u32[0] - 1;
  return f32[0];
}
