import type { FftEngine } from './fft-engine.js';
import { fftEngine } from './complex-fft-plan.js';
import { Pow2Fft } from './pow2-fft.js';
import { MixedRadixFft, MAX_DIRECT_PRIME, MAX_STOCKHAM_POW2, largestPrimeFactor } from './mixed-radix-fft.js';
import { checkLength, checkSpan } from './check-length.js';
import { SplitConvolver } from './split-convolver.js';
import { doubleArray } from './double-array.js';
import { TensorError } from '../tensor-error.js';

/** A real FFT of length n: n real samples <-> floor(n/2)+1 complex bins. */
export interface RealFftPlan {
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

/** Number of rows of `out` and the row counts of a and b for `convolve`; throws on a mismatch. */
function convolveRows(n: number, a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array): [number, number, number] {
  const fn = 'RealFftPlan.convolve';
  if (out == null || typeof out.length !== 'number' || out.length === 0 || out.length % n !== 0) {
    throw new TensorError('out', `${fn}: out must be a Float32Array or Float64Array of a positive multiple of n=${n} numbers, got length ${out?.length}`);
  }
  const rows = out.length / n;
  const count = (x: ArrayLike<number>, name: string): number => {
    if (x == null || typeof x.length !== 'number' || (x.length !== n && x.length !== rows * n)) {
      throw new TensorError(name, `${fn}: ${name} must hold n=${n} or rows*n=${rows * n} numbers, got length ${x?.length}`);
    }
    return x.length / n;
  };
  return [rows, count(a, 'a'), count(b, 'b')];
}

/** Per-plan scratch of the generic `convolve` (forward, multiply, inverse per row). */
class ConvolveScratch {
  readonly sa: Float64Array;
  readonly sb: Float64Array;
  readonly sc: Float64Array;
  readonly y: Float64Array;
  constructor(n: number, bins: number) {
    this.sa = new Float64Array(2 * bins);
    this.sb = new Float64Array(2 * bins);
    this.sc = new Float64Array(2 * bins);
    this.y = new Float64Array(n);
  }
}

/** `convolve` through forward / inverse (odd n, n = 1, rough n). */
function convolveGeneric(
  plan: RealFftPlan, scratch: ConvolveScratch, a: ArrayLike<number>, na: number, b: ArrayLike<number>, nb: number,
  out: Float32Array | Float64Array, rows: number, correlate: boolean,
): void {
  const n = plan.n;
  const w = 2 * plan.bins;
  const { sa, sb, sc, y } = scratch;
  const cj = correlate ? -1 : 1;
  for (let r = 0; r < rows; r++) {
    if (na > 1 || r === 0) plan.forward(a, sa, na > 1 ? r * n : 0, 0);
    if (nb > 1 || r === 0) plan.forward(b, sb, nb > 1 ? r * n : 0, 0);
    for (let j = 0; j < w; j += 2) {
      const ar = sa[j], ai = cj * sa[j + 1], br = sb[j], bi = sb[j + 1];
      sc[j] = ar * br - ai * bi;
      sc[j + 1] = ar * bi + ai * br;
    }
    plan.inverse(sc, y, 0, 0);
    for (let t = 0, o = r * n; t < n; t++, o++) out[o] = y[t];
  }
}

/**
 * Even n = 2N: the real signal is packed as N complex numbers
 * z[t] = x[2t] + i x[2t+1] (which is x itself read as interleaved complex),
 * Z = FFT_N(z), and with W = e^{-2 pi i / n}
 *   X[k] = (Z[k] + conj Z[N-k]) / 2 + W^k (Z[k] - conj Z[N-k]) / (2i),  k = 0..N (Z[N] = Z[0]).
 * The inverse undoes the split: Z[k] = E[k] + i O[k] with
 *   E[k] = (X[k] + conj X[N-k]) / 2,  O[k] = W^{-k} (X[k] - conj X[N-k]) / 2,
 * then z = IFFT_N(Z) is the interleaved output.
 */
class EvenRealPlan implements RealFftPlan {
  readonly n: number;
  readonly bins: number;
  private readonly half: number;
  private readonly engine: FftEngine;
  private readonly cos: number[];
  private readonly sin: number[];
  private readonly z: Float64Array;
  /**
   * The split-array Stockham engine of length h (no interleave passes around
   * the transform) when h is smooth, except powers of two above
   * MAX_STOCKHAM_POW2 (there fft.js's radix-4 is faster: the Stockham passes'
   * four full-length streams fall out of cache); null otherwise.
   */
  private readonly split: MixedRadixFft | null;
  /** h >= 2 with no prime factor above MAX_DIRECT_PRIME: `convolve` runs SplitConvolver. */
  private readonly smoothHalf: boolean;
  /**
   * fft.js's inverse scales and copies in extra passes; for it the inverse
   * runs as x = conj(FFT(conj(Z) / N)), folding 1/N and the conjugate into
   * the split loop (one negation pass remains).
   */
  private readonly viaForward: boolean;
  private convolver: SplitConvolver | null = null;
  private scratch: ConvolveScratch | null = null;

  constructor(n: number) {
    this.n = n;
    const h = n >> 1;
    this.half = h;
    this.bins = h + 1;
    this.smoothHalf = h >= 2 && largestPrimeFactor(h) <= MAX_DIRECT_PRIME;
    this.split = this.smoothHalf && ((h & (h - 1)) !== 0 || h <= MAX_STOCKHAM_POW2) ? new MixedRadixFft(h) : null;
    this.engine = this.split ?? fftEngine(h);
    this.viaForward = this.engine instanceof Pow2Fft;
    this.cos = doubleArray(h + 1);
    this.sin = doubleArray(h + 1);
    for (let k = 0; k <= h; k++) {
      const ang = (2 * Math.PI * k) / n;
      this.cos[k] = Math.cos(ang);
      this.sin[k] = Math.sin(ang);
    }
    this.z = new Float64Array(2 * h);
  }

  forward(x: ArrayLike<number>, out?: Float64Array, xOffset = 0, outOffset = 0): Float64Array {
    checkSpan('RealFftPlan.forward', 'x', x, xOffset, this.n);
    const o = out ?? new Float64Array(2 * this.bins);
    checkSpan('RealFftPlan.forward', 'out', o, outOffset, 2 * this.bins);
    if (this.split !== null) return this.forwardSplit(this.split, x, o, xOffset, outOffset);
    const h = this.half;
    const z = this.z;
    this.engine.run(x, xOffset, z, 0, false);
    const cs = this.cos;
    const sn = this.sin;
    // k = 0 and k = N: X[0] = Re Z0 + Im Z0, X[N] = Re Z0 - Im Z0.
    const z0r = z[0], z0i = z[1];
    o[outOffset] = z0r + z0i;
    o[outOffset + 1] = 0;
    o[outOffset + 2 * h] = z0r - z0i;
    o[outOffset + 2 * h + 1] = 0;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ar = z[2 * k], ai = z[2 * k + 1];
      const br = z[2 * m], bi = z[2 * m + 1];
      // X[k]: E = (Zk + conj Zm)/2, O = (Zk - conj Zm)/(2i)
      const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi), oi = -0.5 * (ar - br);
      const c = cs[k], s = sn[k];
      // W^k O = (c - i s)(or + i oi)
      o[outOffset + 2 * k] = er + c * or + s * oi;
      o[outOffset + 2 * k + 1] = ei + c * oi - s * or;
      if (m !== k) {
        // X[m] = conj E + W^m (or - i oi)
        const c2 = cs[m], s2 = sn[m];
        o[outOffset + 2 * m] = er + c2 * or - s2 * oi;
        o[outOffset + 2 * m + 1] = -ei - c2 * oi - s2 * or;
      }
    }
    return o;
  }

  convolve(a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array, correlate = false): void {
    const [rows, na, nb] = convolveRows(this.n, a, b, out);
    if (this.smoothHalf) {
      this.convolver ??= new SplitConvolver(this.n, this.cos, this.sin, this.split ?? undefined);
      this.convolver.run(a, na, b, nb, out, rows, correlate);
      return;
    }
    this.scratch ??= new ConvolveScratch(this.n, this.bins);
    convolveGeneric(this, this.scratch, a, na, b, nb, out, rows, correlate);
  }

  /** forward through the split-array engine: Z = FFT(z) read from its result buffers. */
  private forwardSplit(eng: MixedRadixFft, x: ArrayLike<number>, o: Float64Array, xOffset: number, outOffset: number): Float64Array {
    const h = this.half;
    eng.execInterleaved(x, xOffset);
    const zr = eng.resRe, zi = eng.resIm;
    const cs = this.cos;
    const sn = this.sin;
    const z0r = zr[0], z0i = zi[0];
    o[outOffset] = z0r + z0i;
    o[outOffset + 1] = 0;
    o[outOffset + 2 * h] = z0r - z0i;
    o[outOffset + 2 * h + 1] = 0;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ar = zr[k], ai = zi[k];
      const br = zr[m], bi = zi[m];
      const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi), oi = -0.5 * (ar - br);
      const c = cs[k], s = sn[k];
      const ok = outOffset + 2 * k;
      o[ok] = er + c * or + s * oi;
      o[ok + 1] = ei + c * oi - s * or;
      if (m !== k) {
        // X[m] = conj E + W^m (or - i oi)
        const c2 = cs[m], s2 = sn[m];
        const om = outOffset + 2 * m;
        o[om] = er + c2 * or - s2 * oi;
        o[om + 1] = -ei - c2 * oi - s2 * or;
      }
    }
    return o;
  }

  /**
   * inverse through the split-array engine: Z/N is written swapped (re <-> im)
   * into the input buffers, so the forward DFT swapped back is the inverse.
   */
  private inverseSplit(eng: MixedRadixFft, spec: ArrayLike<number>, o: Float64Array, specOffset: number, outOffset: number): Float64Array {
    const h = this.half;
    const zr = eng.inIm, zi = eng.inRe;
    const cs = this.cos;
    const sn = this.sin;
    const sc = 1 / h;
    const x0 = spec[specOffset], xh = spec[specOffset + 2 * h];
    zr[0] = 0.5 * sc * (x0 + xh);
    zi[0] = 0.5 * sc * (x0 - xh);
    const hs = 0.5 * sc;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ik = specOffset + 2 * k, im = specOffset + 2 * m;
      const ar = spec[ik], ai = spec[ik + 1];
      const br = spec[im], bi = spec[im + 1];
      const er = hs * (ar + br), ei = hs * (ai - bi);
      const dr = hs * (ar - br), di = hs * (ai + bi);
      const c = cs[k], s = sn[k];
      // O = D (c + i s), Z = E + i O
      const or = dr * c - di * s, oi = dr * s + di * c;
      zr[k] = er - oi;
      zi[k] = ei + or;
      if (m !== k) {
        // at m: E' = conj E, D' = -conj D
        const c2 = cs[m], s2 = sn[m];
        const or2 = -dr * c2 - di * s2, oi2 = -dr * s2 + di * c2;
        zr[m] = er - oi2;
        zi[m] = -ei + or2;
      }
    }
    eng.execSwappedTo(o, outOffset);
    return o;
  }

  inverse(spec: ArrayLike<number>, out?: Float64Array, specOffset = 0, outOffset = 0): Float64Array {
    checkSpan('RealFftPlan.inverse', 'spec', spec, specOffset, 2 * this.bins);
    const o = out ?? new Float64Array(this.n);
    checkSpan('RealFftPlan.inverse', 'out', o, outOffset, this.n);
    if (this.split !== null) return this.inverseSplit(this.split, spec, o, specOffset, outOffset);
    const h = this.half;
    const z = this.z;
    const cs = this.cos;
    const sn = this.sin;
    // conj = -1 and scale = 1/N when the transform runs forward on conj(Z)/N.
    const fwd = this.viaForward;
    const sc = fwd ? 1 / h : 1;
    const cj = fwd ? -sc : 1;
    const x0 = spec[specOffset], xh = spec[specOffset + 2 * h];
    z[0] = 0.5 * sc * (x0 + xh);
    z[1] = 0.5 * cj * (x0 - xh);
    for (let k = 1; k < h; k++) {
      const m = h - k;
      const ar = spec[specOffset + 2 * k], ai = spec[specOffset + 2 * k + 1];
      const br = spec[specOffset + 2 * m], bi = spec[specOffset + 2 * m + 1];
      const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
      const dr = 0.5 * (ar - br), di = 0.5 * (ai + bi);
      const c = cs[k], s = sn[k];
      // O = D (c + i s)
      const or = dr * c - di * s, oi = dr * s + di * c;
      // Z = E + i O
      z[2 * k] = sc * (er - oi);
      z[2 * k + 1] = cj * (ei + or);
    }
    if (fwd) {
      this.engine.run(z, 0, o, outOffset, false);
      for (let i = outOffset + 1, e = outOffset + this.n; i < e; i += 2) o[i] = -o[i];
    } else {
      this.engine.run(z, 0, o, outOffset, true);
    }
    return o;
  }
}

/** Odd n: a complex FFT of length n on (x, 0); the inverse rebuilds the Hermitian spectrum. */
class OddRealPlan implements RealFftPlan {
  readonly n: number;
  readonly bins: number;
  private readonly engine: FftEngine;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private scratch: ConvolveScratch | null = null;

  constructor(n: number) {
    this.n = n;
    this.bins = (n >> 1) + 1;
    this.engine = fftEngine(n);
    this.a = new Float64Array(2 * n);
    this.b = new Float64Array(2 * n);
  }

  convolve(a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array, correlate = false): void {
    const [rows, na, nb] = convolveRows(this.n, a, b, out);
    this.scratch ??= new ConvolveScratch(this.n, this.bins);
    convolveGeneric(this, this.scratch, a, na, b, nb, out, rows, correlate);
  }

  forward(x: ArrayLike<number>, out?: Float64Array, xOffset = 0, outOffset = 0): Float64Array {
    const n = this.n;
    const nb = 2 * this.bins;
    checkSpan('RealFftPlan.forward', 'x', x, xOffset, n);
    const o = out ?? new Float64Array(nb);
    checkSpan('RealFftPlan.forward', 'out', o, outOffset, nb);
    const a = this.a;
    for (let t = 0; t < n; t++) { a[2 * t] = x[xOffset + t]; a[2 * t + 1] = 0; }
    const b = this.b;
    this.engine.run(a, 0, b, 0, false);
    for (let i = 0; i < nb; i++) o[outOffset + i] = b[i];
    o[outOffset + 1] = 0;
    return o;
  }

  inverse(spec: ArrayLike<number>, out?: Float64Array, specOffset = 0, outOffset = 0): Float64Array {
    const n = this.n;
    const bins = this.bins;
    checkSpan('RealFftPlan.inverse', 'spec', spec, specOffset, 2 * bins);
    const o = out ?? new Float64Array(n);
    checkSpan('RealFftPlan.inverse', 'out', o, outOffset, n);
    const a = this.a;
    a[0] = spec[specOffset];
    a[1] = 0;
    for (let k = 1; k < bins; k++) {
      const re = spec[specOffset + 2 * k], im = spec[specOffset + 2 * k + 1];
      a[2 * k] = re; a[2 * k + 1] = im;
      a[2 * (n - k)] = re; a[2 * (n - k) + 1] = -im;
    }
    const b = this.b;
    this.engine.run(a, 0, b, 0, true);
    for (let t = 0; t < n; t++) o[outOffset + t] = b[2 * t];
    return o;
  }
}

/** n = 1: X[0] = x[0]. */
class UnitRealPlan implements RealFftPlan {
  readonly n = 1;
  readonly bins = 1;
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array): void {
    const [rows, na, nb] = convolveRows(1, a, b, out);
    for (let r = 0; r < rows; r++) out[r] = a[na > 1 ? r : 0] * b[nb > 1 ? r : 0];
  }

  forward(x: ArrayLike<number>, out?: Float64Array, xOffset = 0, outOffset = 0): Float64Array {
    checkSpan('RealFftPlan.forward', 'x', x, xOffset, 1);
    const o = out ?? new Float64Array(2);
    checkSpan('RealFftPlan.forward', 'out', o, outOffset, 2);
    o[outOffset] = x[xOffset];
    o[outOffset + 1] = 0;
    return o;
  }
  inverse(spec: ArrayLike<number>, out?: Float64Array, specOffset = 0, outOffset = 0): Float64Array {
    checkSpan('RealFftPlan.inverse', 'spec', spec, specOffset, 2);
    const o = out ?? new Float64Array(1);
    checkSpan('RealFftPlan.inverse', 'out', o, outOffset, 1);
    o[outOffset] = spec[specOffset];
    return o;
  }
}

const realPlans = new Map<number, RealFftPlan>();

/**
 * The real FFT plan of length n (any integer n >= 1), cached per n. Even n
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
  let p = realPlans.get(n);
  if (p === undefined) {
    p = n === 1 ? new UnitRealPlan() : n % 2 === 0 ? new EvenRealPlan(n) : new OddRealPlan(n);
    realPlans.set(n, p);
  }
  return p;
}
