import type { FftEngine } from './fft-engine.js';
import { doubleArray } from './double-array.js';

/**
 * Radices the mixed-radix engine handles directly; a length whose largest
 * prime factor exceeds this goes to Bluestein instead.
 * @internal
 */
export const MAX_DIRECT_PRIME = 31;

/**
 * Largest power of two run by this engine rather than fft.js. Measured with
 * node 20 on x86-64 (complex forward, us, this engine / fft.js): n = 512:
 * 3.2 / 4.8; 4096: 40 / 46; 8192: 90 / 110; 16384: 449 / 223 (the four work
 * arrays no longer fit in L2).
 * @internal
 */
export const MAX_STOCKHAM_POW2 = 8192;

/**
 * Factor n into the radices used by the Stockham passes: the power of two
 * 2^a as 8s (a mod 3 = 1: two 4s replace one 8; a mod 3 = 2: one 4 more;
 * a = 1: a 2), then 3, 5 and larger odd primes in ascending order. Fewer,
 * larger passes mean fewer sweeps over the work buffers.
 */
function radixPlan(n: number): number[] {
  const out: number[] = [];
  let m = n;
  let a = 0;
  while (m % 2 === 0) { a++; m /= 2; }
  if (a === 1) out.push(2);
  else if (a > 1) {
    let eights = Math.floor(a / 3);
    const rest = a % 3;
    if (rest === 1) { eights--; out.push(4, 4); }
    else if (rest === 2) out.push(4);
    for (let i = 0; i < eights; i++) out.push(8);
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) { out.push(p); m /= p; }
  }
  if (m > 1) out.push(m);
  return out;
}

/** Largest prime factor of n (1 for n = 1). @internal */
export function largestPrimeFactor(n: number): number {
  let m = n;
  let largest = 1;
  while (m % 2 === 0) { largest = 2; m /= 2; }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) { largest = p; m /= p; }
  }
  return m > 1 ? m : largest;
}

interface Stage {
  radix: number;
  /** Product of the radices of the earlier stages (the sub-transform length). */
  ns: number;
  /**
   * Twiddles e^{-2 pi i r s / (ns radix)}, r = 1..radix-1, s = 0..ns-1, interleaved
   * [re, im] at 2 * (s*(radix-1) + r-1).
   */
  tw: number[];
  /** For a generic odd radix: cos / sin(2 pi k / radix), k = 0..radix-1. */
  cos?: number[];
  sin?: number[];
}

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
    const radices = radixPlan(n);
    this.stages = [];
    let ns = 1;
    let maxR = 0;
    for (const radix of radices) {
      const tw = doubleArray(2 * ns * (radix - 1));
      for (let s = 0; s < ns; s++) {
        for (let r = 1; r < radix; r++) {
          const ang = (-2 * Math.PI * r * s) / (ns * radix);
          tw[2 * (s * (radix - 1) + r - 1)] = Math.cos(ang);
          tw[2 * (s * (radix - 1) + r - 1) + 1] = Math.sin(ang);
        }
      }
      const stage: Stage = { radix, ns, tw };
      if (radix !== 2 && radix !== 3 && radix !== 4 && radix !== 5 && radix !== 8) {
        stage.cos = doubleArray(radix);
        stage.sin = doubleArray(radix);
        for (let k = 0; k < radix; k++) {
          stage.cos[k] = Math.cos((2 * Math.PI * k) / radix);
          stage.sin[k] = Math.sin((2 * Math.PI * k) / radix);
        }
      }
      this.stages.push(stage);
      ns *= radix;
      maxR = Math.max(maxR, radix);
    }
    this.scratch = doubleArray(4 * maxR);
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
      const xr = this.resRe, xi = this.resIm;
      if (r === 8) radix8LastSwapped(xr, xi, out, off, this.n, st[last]);
      else if (r === 5) radix5LastSwapped(xr, xi, out, off, this.n, st[last]);
      else radix4LastSwapped(xr, xi, out, off, this.n, st[last]);
      return;
    }
    this.execSplit();
    const rr = this.resRe, ri = this.resIm;
    for (let t = 0, i = off; t < this.n; t++, i += 2) { out[i] = ri[t]; out[i + 1] = rr[t]; }
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
      const re = this.inRe, im = this.inIm;
      for (let t = 0, i = off; t < n; t++, i += 2) { re[t] = inp[i]; im[t] = inp[i + 1]; }
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
        case 2: radix2(re, im, re2, im2, n, st); break;
        case 3: radix3(re, im, re2, im2, n, st); break;
        case 4: radix4(re, im, re2, im2, n, st); break;
        case 5: radix5(re, im, re2, im2, n, st); break;
        case 8: radix8(re, im, re2, im2, n, st); break;
        default: radixOdd(re, im, re2, im2, n, st, this.scratch);
      }
      let t = re; re = re2; re2 = t;
      t = im; im = im2; im2 = t;
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
      for (let t = 0, i = inOff; t < n; t++, i += 2) { im[t] = inp[i] * sc; re[t] = inp[i + 1] * sc; }
      this.execSwappedTo(out, outOff);
      return;
    }
    this.execInterleaved(inp, inOff);
    const rr = this.resRe;
    const ri = this.resIm;
    for (let k = 0, o = outOff; k < n; k++, o += 2) { out[o] = rr[k]; out[o + 1] = ri[k]; }
  }
}

function radix2(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 1;
  const tw = st.tw;
  if (ns === 1) {
    for (let j = 0; j < q; j++) {
      const ar = xr[j], ai = xi[j], br = xr[j + q], bi = xi[j + q];
      const o = 2 * j;
      yr[o] = ar + br; yi[o] = ai + bi;
      yr[o + 1] = ar - br; yi[o + 1] = ai - bi;
    }
    return;
  }
  for (let j = 0, ob = 0; j < q; ob += 2 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const ar = xr[j], ai = xi[j];
      const br0 = xr[j + q], bi0 = xi[j + q];
      const wr = tw[2 * s], wi = tw[2 * s + 1];
      const br = br0 * wr - bi0 * wi, bi = br0 * wi + bi0 * wr;
      const o = ob + s;
      yr[o] = ar + br; yi[o] = ai + bi;
      yr[o + ns] = ar - br; yi[o + ns] = ai - bi;
    }
  }
}

function radix4(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 2;
  const tw = st.tw;
  if (ns === 1) {
    for (let j = 0; j < q; j++) {
      const ar = xr[j], ai = xi[j];
      const br = xr[j + q], bi = xi[j + q];
      const cr = xr[j + 2 * q], ci = xi[j + 2 * q];
      const dr = xr[j + 3 * q], di = xi[j + 3 * q];
      const t0r = ar + cr, t0i = ai + ci, t1r = ar - cr, t1i = ai - ci;
      const t2r = br + dr, t2i = bi + di, t3r = br - dr, t3i = bi - di;
      const o = 4 * j;
      yr[o] = t0r + t2r; yi[o] = t0i + t2i;
      yr[o + 1] = t1r + t3i; yi[o + 1] = t1i - t3r;
      yr[o + 2] = t0r - t2r; yi[o + 2] = t0i - t2i;
      yr[o + 3] = t1r - t3i; yi[o + 3] = t1i + t3r;
    }
    return;
  }
  for (let j = 0, ob = 0; j < q; ob += 4 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const w = 6 * s;
      const ar = xr[j], ai = xi[j];
      const b0r = xr[j + q], b0i = xi[j + q];
      const c0r = xr[j + 2 * q], c0i = xi[j + 2 * q];
      const d0r = xr[j + 3 * q], d0i = xi[j + 3 * q];
      const w1r = tw[w], w1i = tw[w + 1], w2r = tw[w + 2], w2i = tw[w + 3], w3r = tw[w + 4], w3i = tw[w + 5];
      const br = b0r * w1r - b0i * w1i, bi = b0r * w1i + b0i * w1r;
      const cr = c0r * w2r - c0i * w2i, ci = c0r * w2i + c0i * w2r;
      const dr = d0r * w3r - d0i * w3i, di = d0r * w3i + d0i * w3r;
      const t0r = ar + cr, t0i = ai + ci, t1r = ar - cr, t1i = ai - ci;
      const t2r = br + dr, t2i = bi + di, t3r = br - dr, t3i = bi - di;
      const o = ob + s;
      yr[o] = t0r + t2r; yi[o] = t0i + t2i;
      yr[o + ns] = t1r + t3i; yi[o + ns] = t1i - t3r;
      yr[o + 2 * ns] = t0r - t2r; yi[o + 2 * ns] = t0i - t2i;
      yr[o + 3 * ns] = t1r - t3i; yi[o + 3 * ns] = t1i + t3r;
    }
  }
}

const H = Math.SQRT1_2;

/**
 * Radix 8 as DFT4 of the even and of the odd inputs, Y[k] = E[k] + W8^k O[k],
 * Y[k+4] = E[k] - W8^k O[k], with W8 = e^{-i pi/4} = (1 - i)/sqrt 2.
 */
function radix8(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 3;
  const tw = st.tw;
  const first = ns === 1;
  for (let j = 0, ob = 0; j < q; ob += 8 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      let v0r = xr[j], v0i = xi[j];
      let v1r = xr[j + q], v1i = xi[j + q];
      let v2r = xr[j + 2 * q], v2i = xi[j + 2 * q];
      let v3r = xr[j + 3 * q], v3i = xi[j + 3 * q];
      let v4r = xr[j + 4 * q], v4i = xi[j + 4 * q];
      let v5r = xr[j + 5 * q], v5i = xi[j + 5 * q];
      let v6r = xr[j + 6 * q], v6i = xi[j + 6 * q];
      let v7r = xr[j + 7 * q], v7i = xi[j + 7 * q];
      if (!first) {
        const w = 14 * s;
        let wr = tw[w], wi = tw[w + 1], t = v1r;
        v1r = t * wr - v1i * wi; v1i = t * wi + v1i * wr;
        wr = tw[w + 2]; wi = tw[w + 3]; t = v2r;
        v2r = t * wr - v2i * wi; v2i = t * wi + v2i * wr;
        wr = tw[w + 4]; wi = tw[w + 5]; t = v3r;
        v3r = t * wr - v3i * wi; v3i = t * wi + v3i * wr;
        wr = tw[w + 6]; wi = tw[w + 7]; t = v4r;
        v4r = t * wr - v4i * wi; v4i = t * wi + v4i * wr;
        wr = tw[w + 8]; wi = tw[w + 9]; t = v5r;
        v5r = t * wr - v5i * wi; v5i = t * wi + v5i * wr;
        wr = tw[w + 10]; wi = tw[w + 11]; t = v6r;
        v6r = t * wr - v6i * wi; v6i = t * wi + v6i * wr;
        wr = tw[w + 12]; wi = tw[w + 13]; t = v7r;
        v7r = t * wr - v7i * wi; v7i = t * wi + v7i * wr;
      }
      // even DFT4 (v0, v2, v4, v6)
      const a0r = v0r + v4r, a0i = v0i + v4i, a1r = v0r - v4r, a1i = v0i - v4i;
      const a2r = v2r + v6r, a2i = v2i + v6i, a3r = v2r - v6r, a3i = v2i - v6i;
      const e0r = a0r + a2r, e0i = a0i + a2i, e2r = a0r - a2r, e2i = a0i - a2i;
      const e1r = a1r + a3i, e1i = a1i - a3r, e3r = a1r - a3i, e3i = a1i + a3r;
      // odd DFT4 (v1, v3, v5, v7)
      const b0r = v1r + v5r, b0i = v1i + v5i, b1r = v1r - v5r, b1i = v1i - v5i;
      const b2r = v3r + v7r, b2i = v3i + v7i, b3r = v3r - v7r, b3i = v3i - v7i;
      const o0r = b0r + b2r, o0i = b0i + b2i, o2r = b0r - b2r, o2i = b0i - b2i;
      const o1r = b1r + b3i, o1i = b1i - b3r, o3r = b1r - b3i, o3i = b1i + b3r;
      // W8^1 o1 = ((x + y) + i (y - x)) / sqrt2; W8^2 o2 = y - i x; W8^3 o3 = ((y - x) - i (x + y)) / sqrt2
      const p1r = (o1r + o1i) * H, p1i = (o1i - o1r) * H;
      const p3r = (o3i - o3r) * H, p3i = -(o3r + o3i) * H;
      const o = ob + s;
      yr[o] = e0r + o0r; yi[o] = e0i + o0i;
      yr[o + 4 * ns] = e0r - o0r; yi[o + 4 * ns] = e0i - o0i;
      yr[o + ns] = e1r + p1r; yi[o + ns] = e1i + p1i;
      yr[o + 5 * ns] = e1r - p1r; yi[o + 5 * ns] = e1i - p1i;
      yr[o + 2 * ns] = e2r + o2i; yi[o + 2 * ns] = e2i - o2r;
      yr[o + 6 * ns] = e2r - o2i; yi[o + 6 * ns] = e2i + o2r;
      yr[o + 3 * ns] = e3r + p3r; yi[o + 3 * ns] = e3i + p3i;
      yr[o + 7 * ns] = e3r - p3r; yi[o + 7 * ns] = e3i - p3i;
    }
  }
}

/** First (twiddle-free) radix-4 stage reading interleaved complex input. */
function radix4First(x: ArrayLike<number>, off: number, yr: number[], yi: number[], n: number): void {
  const q = n >> 2;
  const q2 = 2 * q;
  for (let j = 0, i = off; j < q; j++, i += 2) {
    const ar = x[i], ai = x[i + 1];
    const br = x[i + q2], bi = x[i + q2 + 1];
    const cr = x[i + 2 * q2], ci = x[i + 2 * q2 + 1];
    const dr = x[i + 3 * q2], di = x[i + 3 * q2 + 1];
    const t0r = ar + cr, t0i = ai + ci, t1r = ar - cr, t1i = ai - ci;
    const t2r = br + dr, t2i = bi + di, t3r = br - dr, t3i = bi - di;
    const o = 4 * j;
    yr[o] = t0r + t2r; yi[o] = t0i + t2i;
    yr[o + 1] = t1r + t3i; yi[o + 1] = t1i - t3r;
    yr[o + 2] = t0r - t2r; yi[o + 2] = t0i - t2i;
    yr[o + 3] = t1r - t3i; yi[o + 3] = t1i + t3r;
  }
}

/** First (twiddle-free) radix-8 stage reading interleaved complex input (see radix8). */
function radix8First(x: ArrayLike<number>, off: number, yr: number[], yi: number[], n: number): void {
  const q = n >> 3;
  const q2 = 2 * q;
  for (let j = 0, i = off; j < q; j++, i += 2) {
    const v0r = x[i], v0i = x[i + 1];
    const v1r = x[i + q2], v1i = x[i + q2 + 1];
    const v2r = x[i + 2 * q2], v2i = x[i + 2 * q2 + 1];
    const v3r = x[i + 3 * q2], v3i = x[i + 3 * q2 + 1];
    const v4r = x[i + 4 * q2], v4i = x[i + 4 * q2 + 1];
    const v5r = x[i + 5 * q2], v5i = x[i + 5 * q2 + 1];
    const v6r = x[i + 6 * q2], v6i = x[i + 6 * q2 + 1];
    const v7r = x[i + 7 * q2], v7i = x[i + 7 * q2 + 1];
    const a0r = v0r + v4r, a0i = v0i + v4i, a1r = v0r - v4r, a1i = v0i - v4i;
    const a2r = v2r + v6r, a2i = v2i + v6i, a3r = v2r - v6r, a3i = v2i - v6i;
    const e0r = a0r + a2r, e0i = a0i + a2i, e2r = a0r - a2r, e2i = a0i - a2i;
    const e1r = a1r + a3i, e1i = a1i - a3r, e3r = a1r - a3i, e3i = a1i + a3r;
    const b0r = v1r + v5r, b0i = v1i + v5i, b1r = v1r - v5r, b1i = v1i - v5i;
    const b2r = v3r + v7r, b2i = v3i + v7i, b3r = v3r - v7r, b3i = v3i - v7i;
    const o0r = b0r + b2r, o0i = b0i + b2i, o2r = b0r - b2r, o2i = b0i - b2i;
    const o1r = b1r + b3i, o1i = b1i - b3r, o3r = b1r - b3i, o3i = b1i + b3r;
    const p1r = (o1r + o1i) * H, p1i = (o1i - o1r) * H;
    const p3r = (o3i - o3r) * H, p3i = -(o3r + o3i) * H;
    const o = 8 * j;
    yr[o] = e0r + o0r; yi[o] = e0i + o0i;
    yr[o + 4] = e0r - o0r; yi[o + 4] = e0i - o0i;
    yr[o + 1] = e1r + p1r; yi[o + 1] = e1i + p1i;
    yr[o + 5] = e1r - p1r; yi[o + 5] = e1i - p1i;
    yr[o + 2] = e2r + o2i; yi[o + 2] = e2i - o2r;
    yr[o + 6] = e2r - o2i; yi[o + 6] = e2i + o2r;
    yr[o + 3] = e3r + p3r; yi[o + 3] = e3i + p3i;
    yr[o + 7] = e3r - p3r; yi[o + 7] = e3i - p3i;
  }
}

// Last passes (Ns R = n, a single block: j = s) writing the interleaved output
// with real and imaginary parts swapped: Y[p] goes to out[off + 2p] = Im,
// out[off + 2p + 1] = Re.

function radix4LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n >> 2;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 6 * s;
    const ar = xr[s], ai = xi[s];
    const b0r = xr[s + q], b0i = xi[s + q];
    const c0r = xr[s + 2 * q], c0i = xi[s + 2 * q];
    const d0r = xr[s + 3 * q], d0i = xi[s + 3 * q];
    const w1r = tw[w], w1i = tw[w + 1], w2r = tw[w + 2], w2i = tw[w + 3], w3r = tw[w + 4], w3i = tw[w + 5];
    const br = b0r * w1r - b0i * w1i, bi = b0r * w1i + b0i * w1r;
    const cr = c0r * w2r - c0i * w2i, ci = c0r * w2i + c0i * w2r;
    const dr = d0r * w3r - d0i * w3i, di = d0r * w3i + d0i * w3r;
    const t0r = ar + cr, t0i = ai + ci, t1r = ar - cr, t1i = ai - ci;
    const t2r = br + dr, t2i = bi + di, t3r = br - dr, t3i = bi - di;
    out[b + 1] = t0r + t2r; out[b] = t0i + t2i;
    out[b + q2 + 1] = t1r + t3i; out[b + q2] = t1i - t3r;
    out[b + 2 * q2 + 1] = t0r - t2r; out[b + 2 * q2] = t0i - t2i;
    out[b + 3 * q2 + 1] = t1r - t3i; out[b + 3 * q2] = t1i + t3r;
  }
}

function radix8LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n >> 3;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 14 * s;
    const v0r = xr[s], v0i = xi[s];
    let wr = tw[w], wi = tw[w + 1], ur = xr[s + q], ui = xi[s + q];
    const v1r = ur * wr - ui * wi, v1i = ur * wi + ui * wr;
    wr = tw[w + 2]; wi = tw[w + 3]; ur = xr[s + 2 * q]; ui = xi[s + 2 * q];
    const v2r = ur * wr - ui * wi, v2i = ur * wi + ui * wr;
    wr = tw[w + 4]; wi = tw[w + 5]; ur = xr[s + 3 * q]; ui = xi[s + 3 * q];
    const v3r = ur * wr - ui * wi, v3i = ur * wi + ui * wr;
    wr = tw[w + 6]; wi = tw[w + 7]; ur = xr[s + 4 * q]; ui = xi[s + 4 * q];
    const v4r = ur * wr - ui * wi, v4i = ur * wi + ui * wr;
    wr = tw[w + 8]; wi = tw[w + 9]; ur = xr[s + 5 * q]; ui = xi[s + 5 * q];
    const v5r = ur * wr - ui * wi, v5i = ur * wi + ui * wr;
    wr = tw[w + 10]; wi = tw[w + 11]; ur = xr[s + 6 * q]; ui = xi[s + 6 * q];
    const v6r = ur * wr - ui * wi, v6i = ur * wi + ui * wr;
    wr = tw[w + 12]; wi = tw[w + 13]; ur = xr[s + 7 * q]; ui = xi[s + 7 * q];
    const v7r = ur * wr - ui * wi, v7i = ur * wi + ui * wr;
    const a0r = v0r + v4r, a0i = v0i + v4i, a1r = v0r - v4r, a1i = v0i - v4i;
    const a2r = v2r + v6r, a2i = v2i + v6i, a3r = v2r - v6r, a3i = v2i - v6i;
    const e0r = a0r + a2r, e0i = a0i + a2i, e2r = a0r - a2r, e2i = a0i - a2i;
    const e1r = a1r + a3i, e1i = a1i - a3r, e3r = a1r - a3i, e3i = a1i + a3r;
    const b0r = v1r + v5r, b0i = v1i + v5i, b1r = v1r - v5r, b1i = v1i - v5i;
    const b2r = v3r + v7r, b2i = v3i + v7i, b3r = v3r - v7r, b3i = v3i - v7i;
    const o0r = b0r + b2r, o0i = b0i + b2i, o2r = b0r - b2r, o2i = b0i - b2i;
    const o1r = b1r + b3i, o1i = b1i - b3r, o3r = b1r - b3i, o3i = b1i + b3r;
    const p1r = (o1r + o1i) * H, p1i = (o1i - o1r) * H;
    const p3r = (o3i - o3r) * H, p3i = -(o3r + o3i) * H;
    out[b + 1] = e0r + o0r; out[b] = e0i + o0i;
    out[b + 4 * q2 + 1] = e0r - o0r; out[b + 4 * q2] = e0i - o0i;
    out[b + q2 + 1] = e1r + p1r; out[b + q2] = e1i + p1i;
    out[b + 5 * q2 + 1] = e1r - p1r; out[b + 5 * q2] = e1i - p1i;
    out[b + 2 * q2 + 1] = e2r + o2i; out[b + 2 * q2] = e2i - o2r;
    out[b + 6 * q2 + 1] = e2r - o2i; out[b + 6 * q2] = e2i + o2r;
    out[b + 3 * q2 + 1] = e3r + p3r; out[b + 3 * q2] = e3i + p3i;
    out[b + 7 * q2 + 1] = e3r - p3r; out[b + 7 * q2] = e3i - p3i;
  }
}

function radix5LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n / 5;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 8 * s;
    const v0r = xr[s], v0i = xi[s];
    let wr = tw[w], wi = tw[w + 1], ur = xr[s + q], ui = xi[s + q];
    const v1r = ur * wr - ui * wi, v1i = ur * wi + ui * wr;
    wr = tw[w + 2]; wi = tw[w + 3]; ur = xr[s + 2 * q]; ui = xi[s + 2 * q];
    const v2r = ur * wr - ui * wi, v2i = ur * wi + ui * wr;
    wr = tw[w + 4]; wi = tw[w + 5]; ur = xr[s + 3 * q]; ui = xi[s + 3 * q];
    const v3r = ur * wr - ui * wi, v3i = ur * wi + ui * wr;
    wr = tw[w + 6]; wi = tw[w + 7]; ur = xr[s + 4 * q]; ui = xi[s + 4 * q];
    const v4r = ur * wr - ui * wi, v4i = ur * wi + ui * wr;
    const a1r = v1r + v4r, a1i = v1i + v4i, b1r = v1r - v4r, b1i = v1i - v4i;
    const a2r = v2r + v3r, a2i = v2i + v3i, b2r = v2r - v3r, b2i = v2i - v3i;
    const p1r = v0r + a1r * C51 + a2r * C52, p1i = v0i + a1i * C51 + a2i * C52;
    const q1r = b1i * S51 + b2i * S52, q1i = b1r * S51 + b2r * S52;
    const p2r = v0r + a1r * C52 + a2r * C51, p2i = v0i + a1i * C52 + a2i * C51;
    const q2r = b1i * S52 - b2i * S51, q2i = b1r * S52 - b2r * S51;
    out[b + 1] = v0r + a1r + a2r; out[b] = v0i + a1i + a2i;
    out[b + q2 + 1] = p1r + q1r; out[b + q2] = p1i - q1i;
    out[b + 4 * q2 + 1] = p1r - q1r; out[b + 4 * q2] = p1i + q1i;
    out[b + 2 * q2 + 1] = p2r + q2r; out[b + 2 * q2] = p2i - q2i;
    out[b + 3 * q2 + 1] = p2r - q2r; out[b + 3 * q2] = p2i + q2i;
  }
}

const S3 = Math.sqrt(3) / 2;

function radix3(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 3;
  const tw = st.tw;
  for (let j = 0, ob = 0; j < q; ob += 3 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const w = 4 * s;
      const ar = xr[j], ai = xi[j];
      const b0r = xr[j + q], b0i = xi[j + q];
      const c0r = xr[j + 2 * q], c0i = xi[j + 2 * q];
      const w1r = tw[w], w1i = tw[w + 1], w2r = tw[w + 2], w2i = tw[w + 3];
      const br = b0r * w1r - b0i * w1i, bi = b0r * w1i + b0i * w1r;
      const cr = c0r * w2r - c0i * w2i, ci = c0r * w2i + c0i * w2r;
      const t1r = br + cr, t1i = bi + ci;
      const t2r = (br - cr) * S3, t2i = (bi - ci) * S3;
      const mr = ar - 0.5 * t1r, mi = ai - 0.5 * t1i;
      const o = ob + s;
      yr[o] = ar + t1r; yi[o] = ai + t1i;
      // Y1 = m - i t2, Y2 = m + i t2
      yr[o + ns] = mr + t2i; yi[o + ns] = mi - t2r;
      yr[o + 2 * ns] = mr - t2i; yi[o + 2 * ns] = mi + t2r;
    }
  }
}

const C51 = Math.cos((2 * Math.PI) / 5);
const S51 = Math.sin((2 * Math.PI) / 5);
const C52 = Math.cos((4 * Math.PI) / 5);
const S52 = Math.sin((4 * Math.PI) / 5);

function radix5(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 5;
  const tw = st.tw;
  const first = ns === 1;
  for (let j = 0, ob = 0; j < q; ob += 5 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const v0r = xr[j], v0i = xi[j];
      let v1r = xr[j + q], v1i = xi[j + q];
      let v2r = xr[j + 2 * q], v2i = xi[j + 2 * q];
      let v3r = xr[j + 3 * q], v3i = xi[j + 3 * q];
      let v4r = xr[j + 4 * q], v4i = xi[j + 4 * q];
      if (!first) {
        const w = 8 * s;
        let wr = tw[w], wi = tw[w + 1], t = v1r;
        v1r = t * wr - v1i * wi; v1i = t * wi + v1i * wr;
        wr = tw[w + 2]; wi = tw[w + 3]; t = v2r;
        v2r = t * wr - v2i * wi; v2i = t * wi + v2i * wr;
        wr = tw[w + 4]; wi = tw[w + 5]; t = v3r;
        v3r = t * wr - v3i * wi; v3i = t * wi + v3i * wr;
        wr = tw[w + 6]; wi = tw[w + 7]; t = v4r;
        v4r = t * wr - v4i * wi; v4i = t * wi + v4i * wr;
      }
      const a1r = v1r + v4r, a1i = v1i + v4i, b1r = v1r - v4r, b1i = v1i - v4i;
      const a2r = v2r + v3r, a2i = v2i + v3i, b2r = v2r - v3r, b2i = v2i - v3i;
      const p1r = v0r + a1r * C51 + a2r * C52, p1i = v0i + a1i * C51 + a2i * C52;
      const q1r = b1i * S51 + b2i * S52, q1i = b1r * S51 + b2r * S52;
      const p2r = v0r + a1r * C52 + a2r * C51, p2i = v0i + a1i * C52 + a2i * C51;
      const q2r = b1i * S52 - b2i * S51, q2i = b1r * S52 - b2r * S51;
      const o = ob + s;
      yr[o] = v0r + a1r + a2r; yi[o] = v0i + a1i + a2i;
      yr[o + ns] = p1r + q1r; yi[o + ns] = p1i - q1i;
      yr[o + 4 * ns] = p1r - q1r; yi[o + 4 * ns] = p1i + q1i;
      yr[o + 2 * ns] = p2r + q2r; yi[o + 2 * ns] = p2i - q2i;
      yr[o + 3 * ns] = p2r - q2r; yi[o + 3 * ns] = p2i + q2i;
    }
  }
}

/**
 * Generic odd radix R = 2h+1: with a_r = v_r + v_{R-r}, b_r = v_r - v_{R-r},
 *   Y_q     = v_0 + sum_r a_r cos(2 pi r q / R) - i b_r sin(2 pi r q / R)
 *   Y_{R-q} = v_0 + sum_r a_r cos(2 pi r q / R) + i b_r sin(2 pi r q / R),  q = 1..h.
 */
function radixOdd(
  xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage, scratch: number[],
): void {
  const R = st.radix;
  const h = (R - 1) >> 1;
  const ns = st.ns;
  const q = n / R;
  const tw = st.tw;
  const cs = st.cos as number[];
  const sn = st.sin as number[];
  // scratch layout: a_re[h], a_im[h], b_re[h], b_im[h] at 0, R, 2R, 3R.
  const AR = 0, AI = R, BR = 2 * R, BI = 3 * R;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const w = 2 * (R - 1) * s;
    const v0r = xr[j], v0i = xi[j];
    let sr = v0r, si = v0i;
    for (let r = 1; r <= h; r++) {
      const i1 = j + r * q, i2 = j + (R - r) * q;
      const k1 = w + 2 * (r - 1), k2 = w + 2 * (R - r - 1);
      const w1r = tw[k1], w1i = tw[k1 + 1];
      const w2r = tw[k2], w2i = tw[k2 + 1];
      const ur = xr[i1] * w1r - xi[i1] * w1i, ui = xr[i1] * w1i + xi[i1] * w1r;
      const zr = xr[i2] * w2r - xi[i2] * w2i, zi = xr[i2] * w2i + xi[i2] * w2r;
      const ar = ur + zr, ai = ui + zi;
      scratch[AR + r] = ar; scratch[AI + r] = ai;
      scratch[BR + r] = ur - zr; scratch[BI + r] = ui - zi;
      sr += ar; si += ai;
    }
    const o = ob + s;
    yr[o] = sr; yi[o] = si;
    for (let k = 1; k <= h; k++) {
      let pr = v0r, pi = v0i, qr = 0, qi = 0;
      let idx = 0;
      for (let r = 1; r <= h; r++) {
        idx += k; if (idx >= R) idx -= R;
        const c = cs[idx], sv = sn[idx];
        pr += scratch[AR + r] * c; pi += scratch[AI + r] * c;
        qr += scratch[BI + r] * sv; qi += scratch[BR + r] * sv;
      }
      yr[o + k * ns] = pr + qr; yi[o + k * ns] = pi - qi;
      yr[o + (R - k) * ns] = pr - qr; yi[o + (R - k) * ns] = pi + qi;
    }
    if (++s === ns) { s = 0; ob += R * ns; }
  }
}
