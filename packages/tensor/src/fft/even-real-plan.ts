import type { RealFftPlan } from './real-fft-plan.js';
import type { FftEngine } from './fft-engine.js';
import { fftEngine } from './complex-fft-plan.js';
import { Pow2Fft } from './pow2-fft.js';
import { MixedRadixFft, MAX_STOCKHAM_POW2 } from './mixed-radix-fft.js';
import { MAX_DIRECT_PRIME, largestPrimeFactor } from './radix-plan.js';
import { checkSpan } from './check-length.js';
import { SplitConvolver } from './split-convolver.js';
import { doubleArray } from './double-array.js';
import { convolveRows, ConvolveScratch, convolveGeneric } from './convolve-generic.js';

/**
 * Even n = 2N: the real signal is packed as N complex numbers
 * z[t] = x[2t] + i x[2t+1] (which is x itself read as interleaved complex),
 * Z = FFT_N(z), and with W = e^{-2 pi i / n}
 *   X[k] = (Z[k] + conj Z[N-k]) / 2 + W^k (Z[k] - conj Z[N-k]) / (2i),  k = 0..N (Z[N] = Z[0]).
 * The inverse undoes the split: Z[k] = E[k] + i O[k] with
 *   E[k] = (X[k] + conj X[N-k]) / 2,  O[k] = W^{-k} (X[k] - conj X[N-k]) / 2,
 * then z = IFFT_N(Z) is the interleaved output.
 * @internal
 */
export class EvenRealPlan implements RealFftPlan {
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
    const z0r = z[0],
      z0i = z[1];
    o[outOffset] = z0r + z0i;
    o[outOffset + 1] = 0;
    o[outOffset + 2 * h] = z0r - z0i;
    o[outOffset + 2 * h + 1] = 0;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ar = z[2 * k],
        ai = z[2 * k + 1];
      const br = z[2 * m],
        bi = z[2 * m + 1];
      // X[k]: E = (Zk + conj Zm)/2, O = (Zk - conj Zm)/(2i)
      const er = 0.5 * (ar + br),
        ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi),
        oi = -0.5 * (ar - br);
      const c = cs[k],
        s = sn[k];
      // W^k O = (c - i s)(or + i oi)
      o[outOffset + 2 * k] = er + c * or + s * oi;
      o[outOffset + 2 * k + 1] = ei + c * oi - s * or;
      if (m !== k) {
        // X[m] = conj E + W^m (or - i oi)
        const c2 = cs[m],
          s2 = sn[m];
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
    const zr = eng.resRe,
      zi = eng.resIm;
    const cs = this.cos;
    const sn = this.sin;
    const z0r = zr[0],
      z0i = zi[0];
    o[outOffset] = z0r + z0i;
    o[outOffset + 1] = 0;
    o[outOffset + 2 * h] = z0r - z0i;
    o[outOffset + 2 * h + 1] = 0;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ar = zr[k],
        ai = zi[k];
      const br = zr[m],
        bi = zi[m];
      const er = 0.5 * (ar + br),
        ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi),
        oi = -0.5 * (ar - br);
      const c = cs[k],
        s = sn[k];
      const ok = outOffset + 2 * k;
      o[ok] = er + c * or + s * oi;
      o[ok + 1] = ei + c * oi - s * or;
      if (m !== k) {
        // X[m] = conj E + W^m (or - i oi)
        const c2 = cs[m],
          s2 = sn[m];
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
    const zr = eng.inIm,
      zi = eng.inRe;
    const cs = this.cos;
    const sn = this.sin;
    const sc = 1 / h;
    const x0 = spec[specOffset],
      xh = spec[specOffset + 2 * h];
    zr[0] = 0.5 * sc * (x0 + xh);
    zi[0] = 0.5 * sc * (x0 - xh);
    const hs = 0.5 * sc;
    for (let k = 1, m = h - 1; k <= m; k++, m--) {
      const ik = specOffset + 2 * k,
        im = specOffset + 2 * m;
      const ar = spec[ik],
        ai = spec[ik + 1];
      const br = spec[im],
        bi = spec[im + 1];
      const er = hs * (ar + br),
        ei = hs * (ai - bi);
      const dr = hs * (ar - br),
        di = hs * (ai + bi);
      const c = cs[k],
        s = sn[k];
      // O = D (c + i s), Z = E + i O
      const or = dr * c - di * s,
        oi = dr * s + di * c;
      zr[k] = er - oi;
      zi[k] = ei + or;
      if (m !== k) {
        // at m: E' = conj E, D' = -conj D
        const c2 = cs[m],
          s2 = sn[m];
        const or2 = -dr * c2 - di * s2,
          oi2 = -dr * s2 + di * c2;
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
    const x0 = spec[specOffset],
      xh = spec[specOffset + 2 * h];
    z[0] = 0.5 * sc * (x0 + xh);
    z[1] = 0.5 * cj * (x0 - xh);
    for (let k = 1; k < h; k++) {
      const m = h - k;
      const ar = spec[specOffset + 2 * k],
        ai = spec[specOffset + 2 * k + 1];
      const br = spec[specOffset + 2 * m],
        bi = spec[specOffset + 2 * m + 1];
      const er = 0.5 * (ar + br),
        ei = 0.5 * (ai - bi);
      const dr = 0.5 * (ar - br),
        di = 0.5 * (ai + bi);
      const c = cs[k],
        s = sn[k];
      // O = D (c + i s)
      const or = dr * c - di * s,
        oi = dr * s + di * c;
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
