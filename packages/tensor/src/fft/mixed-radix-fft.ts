import type { FftEngine } from './fft-engine.js';

/**
 * Radices the mixed-radix engine handles directly; a length whose largest
 * prime factor exceeds this goes to Bluestein instead.
 * @internal
 */
export const MAX_DIRECT_PRIME = 31;

/**
 * Factor n into the radices used by the Stockham passes: as many 4s as
 * possible, then a 2, then 3, 5 and larger odd primes in ascending order.
 * @internal
 */
export function radixPlan(n: number): number[] {
  const out: number[] = [];
  let m = n;
  while (m % 4 === 0) { out.push(4); m /= 4; }
  if (m % 2 === 0) { out.push(2); m /= 2; }
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
  /** Twiddles e^{-2 pi i r s / (ns radix)} at [s*(radix-1) + r-1], r = 1..radix-1, s = 0..ns-1. */
  twRe: Float64Array;
  twIm: Float64Array;
  /** For a generic odd radix: cos / sin(2 pi k / radix), k = 0..radix-1. */
  cos?: Float64Array;
  sin?: Float64Array;
}

/**
 * Mixed-radix Stockham autosort FFT (radix 2, 3, 4, 5 butterflies and a
 * generic odd-radix butterfly), split real/imaginary float64 buffers,
 * twiddles precomputed per stage.
 *
 * Stage with radix R after sub-transforms of length Ns (N = n):
 *   for j = 0..N/R-1, s = j mod Ns:
 *     v_r = in[j + r N/R] * e^{-2 pi i r s / (Ns R)}, r = 0..R-1
 *     out[(j - s) R + s + q Ns] = sum_r v_r e^{-2 pi i r q / R},  q = 0..R-1
 * The inverse transform swaps real and imaginary parts on the way in and out
 * (swap(DFT(swap(x))) is the unscaled inverse DFT) and scales by 1/n.
 * @internal
 */
export class MixedRadixFft implements FftEngine {
  readonly n: number;
  private readonly stages: Stage[];
  private readonly reA: Float64Array;
  private readonly imA: Float64Array;
  private readonly reB: Float64Array;
  private readonly imB: Float64Array;
  private readonly scratch: Float64Array;

  constructor(n: number) {
    this.n = n;
    const radices = radixPlan(n);
    this.stages = [];
    let ns = 1;
    let maxR = 0;
    for (const radix of radices) {
      const twRe = new Float64Array(ns * (radix - 1));
      const twIm = new Float64Array(ns * (radix - 1));
      for (let s = 0; s < ns; s++) {
        for (let r = 1; r < radix; r++) {
          const ang = (-2 * Math.PI * r * s) / (ns * radix);
          twRe[s * (radix - 1) + r - 1] = Math.cos(ang);
          twIm[s * (radix - 1) + r - 1] = Math.sin(ang);
        }
      }
      const stage: Stage = { radix, ns, twRe, twIm };
      if (radix > 5) {
        stage.cos = new Float64Array(radix);
        stage.sin = new Float64Array(radix);
        for (let k = 0; k < radix; k++) {
          stage.cos[k] = Math.cos((2 * Math.PI * k) / radix);
          stage.sin[k] = Math.sin((2 * Math.PI * k) / radix);
        }
      }
      this.stages.push(stage);
      ns *= radix;
      maxR = Math.max(maxR, radix);
    }
    this.reA = new Float64Array(n);
    this.imA = new Float64Array(n);
    this.reB = new Float64Array(n);
    this.imB = new Float64Array(n);
    this.scratch = new Float64Array(4 * maxR);
  }

  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number, inverse: boolean): void {
    const n = this.n;
    let re = this.reA;
    let im = this.imA;
    let re2 = this.reB;
    let im2 = this.imB;
    if (inverse) {
      for (let t = 0, i = inOff; t < n; t++, i += 2) { im[t] = inp[i]; re[t] = inp[i + 1]; }
    } else {
      for (let t = 0, i = inOff; t < n; t++, i += 2) { re[t] = inp[i]; im[t] = inp[i + 1]; }
    }
    for (const st of this.stages) {
      switch (st.radix) {
        case 2: radix2(re, im, re2, im2, n, st); break;
        case 3: radix3(re, im, re2, im2, n, st); break;
        case 4: radix4(re, im, re2, im2, n, st); break;
        case 5: radix5(re, im, re2, im2, n, st); break;
        default: radixOdd(re, im, re2, im2, n, st, this.scratch);
      }
      let t = re; re = re2; re2 = t;
      t = im; im = im2; im2 = t;
    }
    if (inverse) {
      const sc = 1 / n;
      for (let k = 0, o = outOff; k < n; k++, o += 2) { out[o] = im[k] * sc; out[o + 1] = re[k] * sc; }
    } else {
      for (let k = 0, o = outOff; k < n; k++, o += 2) { out[o] = re[k]; out[o + 1] = im[k]; }
    }
  }
}

function radix2(xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 1;
  const twr = st.twRe;
  const twi = st.twIm;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const ar = xr[j], ai = xi[j];
    const br0 = xr[j + q], bi0 = xi[j + q];
    const wr = twr[s], wi = twi[s];
    const br = br0 * wr - bi0 * wi, bi = br0 * wi + bi0 * wr;
    const o = ob + s;
    yr[o] = ar + br; yi[o] = ai + bi;
    yr[o + ns] = ar - br; yi[o + ns] = ai - bi;
    if (++s === ns) { s = 0; ob += 2 * ns; }
  }
}

function radix4(xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 2;
  const twr = st.twRe;
  const twi = st.twIm;
  let s = 0;
  let ob = 0;
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
  for (let j = 0; j < q; j++) {
    const w = 3 * s;
    const ar = xr[j], ai = xi[j];
    const b0r = xr[j + q], b0i = xi[j + q];
    const c0r = xr[j + 2 * q], c0i = xi[j + 2 * q];
    const d0r = xr[j + 3 * q], d0i = xi[j + 3 * q];
    const w1r = twr[w], w1i = twi[w], w2r = twr[w + 1], w2i = twi[w + 1], w3r = twr[w + 2], w3i = twi[w + 2];
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
    if (++s === ns) { s = 0; ob += 4 * ns; }
  }
}

const S3 = Math.sqrt(3) / 2;

function radix3(xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 3;
  const twr = st.twRe;
  const twi = st.twIm;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const w = 2 * s;
    const ar = xr[j], ai = xi[j];
    const b0r = xr[j + q], b0i = xi[j + q];
    const c0r = xr[j + 2 * q], c0i = xi[j + 2 * q];
    const w1r = twr[w], w1i = twi[w], w2r = twr[w + 1], w2i = twi[w + 1];
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
    if (++s === ns) { s = 0; ob += 3 * ns; }
  }
}

const C51 = Math.cos((2 * Math.PI) / 5);
const S51 = Math.sin((2 * Math.PI) / 5);
const C52 = Math.cos((4 * Math.PI) / 5);
const S52 = Math.sin((4 * Math.PI) / 5);

function radix5(xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 5;
  const twr = st.twRe;
  const twi = st.twIm;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const w = 4 * s;
    const v0r = xr[j], v0i = xi[j];
    const x1r = xr[j + q], x1i = xi[j + q];
    const x2r = xr[j + 2 * q], x2i = xi[j + 2 * q];
    const x3r = xr[j + 3 * q], x3i = xi[j + 3 * q];
    const x4r = xr[j + 4 * q], x4i = xi[j + 4 * q];
    let wr = twr[w], wi = twi[w];
    const v1r = x1r * wr - x1i * wi, v1i = x1r * wi + x1i * wr;
    wr = twr[w + 1]; wi = twi[w + 1];
    const v2r = x2r * wr - x2i * wi, v2i = x2r * wi + x2i * wr;
    wr = twr[w + 2]; wi = twi[w + 2];
    const v3r = x3r * wr - x3i * wi, v3i = x3r * wi + x3i * wr;
    wr = twr[w + 3]; wi = twi[w + 3];
    const v4r = x4r * wr - x4i * wi, v4i = x4r * wi + x4i * wr;
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
    if (++s === ns) { s = 0; ob += 5 * ns; }
  }
}

/**
 * Generic odd radix R = 2h+1: with a_r = v_r + v_{R-r}, b_r = v_r - v_{R-r},
 *   Y_q     = v_0 + sum_r a_r cos(2 pi r q / R) - i b_r sin(2 pi r q / R)
 *   Y_{R-q} = v_0 + sum_r a_r cos(2 pi r q / R) + i b_r sin(2 pi r q / R),  q = 1..h.
 */
function radixOdd(
  xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, n: number, st: Stage, scratch: Float64Array,
): void {
  const R = st.radix;
  const h = (R - 1) >> 1;
  const ns = st.ns;
  const q = n / R;
  const twr = st.twRe;
  const twi = st.twIm;
  const cs = st.cos as Float64Array;
  const sn = st.sin as Float64Array;
  // scratch layout: a_re[h], a_im[h], b_re[h], b_im[h] at 0, R, 2R, 3R.
  const AR = 0, AI = R, BR = 2 * R, BI = 3 * R;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const w = (R - 1) * s;
    const v0r = xr[j], v0i = xi[j];
    let sr = v0r, si = v0i;
    for (let r = 1; r <= h; r++) {
      const i1 = j + r * q, i2 = j + (R - r) * q;
      const w1r = twr[w + r - 1], w1i = twi[w + r - 1];
      const w2r = twr[w + R - r - 1], w2i = twi[w + R - r - 1];
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
