import type { FftEngine } from './fft-engine.js';
import { doubleArray } from './double-array.js';
import { radixPlan } from './radix-plan.js';
import { stockhamStages, type Stage } from './stockham-stage.js';
import {
  radix2,
  radix4,
  radix8,
  radix4First,
  radix8First,
  radix4LastSwapped,
  radix8LastSwapped,
  radix5LastSwapped,
  radix3,
  radix5,
  radixOdd,
} from './stockham-butterflies.js';

/**
 * Largest power of two run by this engine rather than fft.js. Measured with
 * node 20 on x86-64 (complex forward, us, this engine / fft.js): n = 512:
 * 3.2 / 4.8; 4096: 40 / 46; 8192: 90 / 110; 16384: 449 / 223 (the four work
 * arrays no longer fit in L2).
 * @internal
 */
export const MAX_STOCKHAM_POW2 = 8192;

/**
 * Mixed-radix Stockham autosort FFT (radix 2, 3, 4, 5, 8 butterflies and a
 * generic odd-radix butterfly), split real/imaginary float64 buffers,
 * twiddles precomputed per stage (the first stage needs none).
 *
 * Stage with radix R after sub-transforms of length Ns (N = n):
 *   for j = 0..N/R-1, s = j mod Ns:
 *     v_r = in[j + r N/R] * e^{-2 pi i r s / (Ns R)}, r = 0..R-1
 *     out[(j - s) R + s + q Ns] = sum_r v_r e^{-2 pi i r q / R},  q = 0..R-1
 * The inverse transform swaps real and imaginary parts on the way in and out
 * (swap(DFT(swap(x))) is the unscaled inverse DFT) and scales by 1/n.
 *
 * Split-array use (no interleaving passes): write the input into `inRe` /
 * `inIm`, call `execSplit()`, read the forward DFT from `resRe` / `resIm`
 * (these alias the engine's work buffers; valid until the next call).
 * @internal
 */
export class MixedRadixFft implements FftEngine {
  readonly n: number;
  readonly inRe: number[];
  readonly inIm: number[];
  resRe: number[];
  resIm: number[];
  private readonly stages: Stage[];
  private readonly reB: number[];
  private readonly imB: number[];
  private readonly scratch: number[];

  /**
   * @param share another engine of the same n whose (read-only) twiddle tables
   *   this one reuses; it still gets its own work buffers.
   */
  constructor(n: number, share?: MixedRadixFft) {
    this.n = n;
    this.inRe = doubleArray(n);
    this.inIm = doubleArray(n);
    this.reB = doubleArray(n);
    this.imB = doubleArray(n);
    this.resRe = this.inRe;
    this.resIm = this.inIm;
    if (share !== undefined && share.n === n) {
      this.stages = share.stages;
      this.scratch = doubleArray(share.scratch.length);
      return;
    }
    this.stages = stockhamStages(radixPlan(n));
    this.scratch = doubleArray(4 * Math.max(0, ...this.stages.map((s) => s.radix)));
  }

  /** Forward DFT of (inRe, inIm) into (resRe, resIm). */
  execSplit(): void {
    this.runStages(0, this.stages.length, this.inRe, this.inIm, this.reB, this.imB);
  }

  /**
   * Forward DFT of (inRe, inIm) written interleaved with real and imaginary
   * parts swapped: out[off + 2k] = Im Y[k], out[off + 2k + 1] = Re Y[k]. With
   * the input swapped as well this is the (unscaled) inverse DFT, written by
   * the last pass directly (no separate interleaving pass) when its radix is
   * 8, 5 or 4.
   */
  execSwappedTo(out: Float32Array | Float64Array, off: number): void {
    const st = this.stages;
    const last = st.length - 1;
    const r = last >= 0 ? st[last].radix : 0;
    if (last >= 1 && (r === 8 || r === 5 || r === 4)) {
      this.runStages(0, last, this.inRe, this.inIm, this.reB, this.imB);
      const xr = this.resRe,
        xi = this.resIm;
      if (r === 8) radix8LastSwapped(xr, xi, out, off, this.n, st[last]);
      else if (r === 5) radix5LastSwapped(xr, xi, out, off, this.n, st[last]);
      else radix4LastSwapped(xr, xi, out, off, this.n, st[last]);
      return;
    }
    this.execSplit();
    const rr = this.resRe,
      ri = this.resIm;
    for (let t = 0, i = off; t < this.n; t++, i += 2) {
      out[i] = ri[t];
      out[i + 1] = rr[t];
    }
  }

  /**
   * Forward DFT of the interleaved complex numbers inp[off .. off + 2n) into
   * (resRe, resIm); a radix-8 or radix-4 first stage reads them in place (no
   * de-interleaving pass). Does not touch inRe / inIm's contents as input.
   */
  execInterleaved(inp: ArrayLike<number>, off: number): void {
    const n = this.n;
    const r0 = this.stages.length > 0 ? this.stages[0].radix : 0;
    if (r0 === 8) {
      radix8First(inp, off, this.reB, this.imB, n);
      this.runStages(1, this.stages.length, this.reB, this.imB, this.inRe, this.inIm);
    } else if (r0 === 4) {
      radix4First(inp, off, this.reB, this.imB, n);
      this.runStages(1, this.stages.length, this.reB, this.imB, this.inRe, this.inIm);
    } else {
      const re = this.inRe,
        im = this.inIm;
      for (let t = 0, i = off; t < n; t++, i += 2) {
        re[t] = inp[i];
        im[t] = inp[i + 1];
      }
      this.runStages(0, this.stages.length, re, im, this.reB, this.imB);
    }
  }

  /** Stages first .. end-1 from (re, im), ping-ponging with (re2, im2); the result is left in (resRe, resIm). */
  private runStages(first: number, end: number, re: number[], im: number[], re2: number[], im2: number[]): void {
    const n = this.n;
    const stages = this.stages;
    for (let i = first; i < end; i++) {
      const st = stages[i];
      switch (st.radix) {
        case 2:
          radix2(re, im, re2, im2, n, st);
          break;
        case 3:
          radix3(re, im, re2, im2, n, st);
          break;
        case 4:
          radix4(re, im, re2, im2, n, st);
          break;
        case 5:
          radix5(re, im, re2, im2, n, st);
          break;
        case 8:
          radix8(re, im, re2, im2, n, st);
          break;
        default:
          radixOdd(re, im, re2, im2, n, st, this.scratch);
      }
      let t = re;
      re = re2;
      re2 = t;
      t = im;
      im = im2;
      im2 = t;
    }
    this.resRe = re;
    this.resIm = im;
  }

  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number, inverse: boolean): void {
    const n = this.n;
    const re = this.inRe;
    const im = this.inIm;
    if (inverse) {
      const sc = 1 / n;
      for (let t = 0, i = inOff; t < n; t++, i += 2) {
        im[t] = inp[i] * sc;
        re[t] = inp[i + 1] * sc;
      }
      this.execSwappedTo(out, outOff);
      return;
    }
    this.execInterleaved(inp, inOff);
    const rr = this.resRe;
    const ri = this.resIm;
    for (let k = 0, o = outOff; k < n; k++, o += 2) {
      out[o] = rr[k];
      out[o + 1] = ri[k];
    }
  }
}
