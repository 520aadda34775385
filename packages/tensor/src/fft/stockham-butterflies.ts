import type { Stage } from './stockham-stage.js';

/**
 * The butterflies of the mixed-radix Stockham FFT (see MixedRadixFft): one
 * pass of radix R over split float64 buffers (x -> y), and the first / last
 * pass variants that read interleaved input or write swapped interleaved
 * output. Each implements, for j = 0..n/R-1, s = j mod Ns:
 *   v_r = x[j + r n/R] * e^{-2 pi i r s / (Ns R)},  y[(j - s) R + s + q Ns] = sum_r v_r e^{-2 pi i r q / R}.
 * @internal
 */
export function radix2(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 1;
  const tw = st.tw;
  if (ns === 1) {
    for (let j = 0; j < q; j++) {
      const ar = xr[j],
        ai = xi[j],
        br = xr[j + q],
        bi = xi[j + q];
      const o = 2 * j;
      yr[o] = ar + br;
      yi[o] = ai + bi;
      yr[o + 1] = ar - br;
      yi[o + 1] = ai - bi;
    }
    return;
  }
  for (let j = 0, ob = 0; j < q; ob += 2 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const ar = xr[j],
        ai = xi[j];
      const br0 = xr[j + q],
        bi0 = xi[j + q];
      const wr = tw[2 * s],
        wi = tw[2 * s + 1];
      const br = br0 * wr - bi0 * wi,
        bi = br0 * wi + bi0 * wr;
      const o = ob + s;
      yr[o] = ar + br;
      yi[o] = ai + bi;
      yr[o + ns] = ar - br;
      yi[o + ns] = ai - bi;
    }
  }
}

export function radix4(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 2;
  const tw = st.tw;
  if (ns === 1) {
    for (let j = 0; j < q; j++) {
      const ar = xr[j],
        ai = xi[j];
      const br = xr[j + q],
        bi = xi[j + q];
      const cr = xr[j + 2 * q],
        ci = xi[j + 2 * q];
      const dr = xr[j + 3 * q],
        di = xi[j + 3 * q];
      const t0r = ar + cr,
        t0i = ai + ci,
        t1r = ar - cr,
        t1i = ai - ci;
      const t2r = br + dr,
        t2i = bi + di,
        t3r = br - dr,
        t3i = bi - di;
      const o = 4 * j;
      yr[o] = t0r + t2r;
      yi[o] = t0i + t2i;
      yr[o + 1] = t1r + t3i;
      yi[o + 1] = t1i - t3r;
      yr[o + 2] = t0r - t2r;
      yi[o + 2] = t0i - t2i;
      yr[o + 3] = t1r - t3i;
      yi[o + 3] = t1i + t3r;
    }
    return;
  }
  for (let j = 0, ob = 0; j < q; ob += 4 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const w = 6 * s;
      const ar = xr[j],
        ai = xi[j];
      const b0r = xr[j + q],
        b0i = xi[j + q];
      const c0r = xr[j + 2 * q],
        c0i = xi[j + 2 * q];
      const d0r = xr[j + 3 * q],
        d0i = xi[j + 3 * q];
      const w1r = tw[w],
        w1i = tw[w + 1],
        w2r = tw[w + 2],
        w2i = tw[w + 3],
        w3r = tw[w + 4],
        w3i = tw[w + 5];
      const br = b0r * w1r - b0i * w1i,
        bi = b0r * w1i + b0i * w1r;
      const cr = c0r * w2r - c0i * w2i,
        ci = c0r * w2i + c0i * w2r;
      const dr = d0r * w3r - d0i * w3i,
        di = d0r * w3i + d0i * w3r;
      const t0r = ar + cr,
        t0i = ai + ci,
        t1r = ar - cr,
        t1i = ai - ci;
      const t2r = br + dr,
        t2i = bi + di,
        t3r = br - dr,
        t3i = bi - di;
      const o = ob + s;
      yr[o] = t0r + t2r;
      yi[o] = t0i + t2i;
      yr[o + ns] = t1r + t3i;
      yi[o + ns] = t1i - t3r;
      yr[o + 2 * ns] = t0r - t2r;
      yi[o + 2 * ns] = t0i - t2i;
      yr[o + 3 * ns] = t1r - t3i;
      yi[o + 3 * ns] = t1i + t3r;
    }
  }
}

const H = Math.SQRT1_2;

/**
 * Radix 8 as DFT4 of the even and of the odd inputs, Y[k] = E[k] + W8^k O[k],
 * Y[k+4] = E[k] - W8^k O[k], with W8 = e^{-i pi/4} = (1 - i)/sqrt 2.
 */
export function radix8(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n >> 3;
  const tw = st.tw;
  const first = ns === 1;
  for (let j = 0, ob = 0; j < q; ob += 8 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const v0r = xr[j],
        v0i = xi[j];
      let v1r = xr[j + q],
        v1i = xi[j + q];
      let v2r = xr[j + 2 * q],
        v2i = xi[j + 2 * q];
      let v3r = xr[j + 3 * q],
        v3i = xi[j + 3 * q];
      let v4r = xr[j + 4 * q],
        v4i = xi[j + 4 * q];
      let v5r = xr[j + 5 * q],
        v5i = xi[j + 5 * q];
      let v6r = xr[j + 6 * q],
        v6i = xi[j + 6 * q];
      let v7r = xr[j + 7 * q],
        v7i = xi[j + 7 * q];
      if (!first) {
        const w = 14 * s;
        let wr = tw[w],
          wi = tw[w + 1],
          t = v1r;
        v1r = t * wr - v1i * wi;
        v1i = t * wi + v1i * wr;
        wr = tw[w + 2];
        wi = tw[w + 3];
        t = v2r;
        v2r = t * wr - v2i * wi;
        v2i = t * wi + v2i * wr;
        wr = tw[w + 4];
        wi = tw[w + 5];
        t = v3r;
        v3r = t * wr - v3i * wi;
        v3i = t * wi + v3i * wr;
        wr = tw[w + 6];
        wi = tw[w + 7];
        t = v4r;
        v4r = t * wr - v4i * wi;
        v4i = t * wi + v4i * wr;
        wr = tw[w + 8];
        wi = tw[w + 9];
        t = v5r;
        v5r = t * wr - v5i * wi;
        v5i = t * wi + v5i * wr;
        wr = tw[w + 10];
        wi = tw[w + 11];
        t = v6r;
        v6r = t * wr - v6i * wi;
        v6i = t * wi + v6i * wr;
        wr = tw[w + 12];
        wi = tw[w + 13];
        t = v7r;
        v7r = t * wr - v7i * wi;
        v7i = t * wi + v7i * wr;
      }
      // even DFT4 (v0, v2, v4, v6)
      const a0r = v0r + v4r,
        a0i = v0i + v4i,
        a1r = v0r - v4r,
        a1i = v0i - v4i;
      const a2r = v2r + v6r,
        a2i = v2i + v6i,
        a3r = v2r - v6r,
        a3i = v2i - v6i;
      const e0r = a0r + a2r,
        e0i = a0i + a2i,
        e2r = a0r - a2r,
        e2i = a0i - a2i;
      const e1r = a1r + a3i,
        e1i = a1i - a3r,
        e3r = a1r - a3i,
        e3i = a1i + a3r;
      // odd DFT4 (v1, v3, v5, v7)
      const b0r = v1r + v5r,
        b0i = v1i + v5i,
        b1r = v1r - v5r,
        b1i = v1i - v5i;
      const b2r = v3r + v7r,
        b2i = v3i + v7i,
        b3r = v3r - v7r,
        b3i = v3i - v7i;
      const o0r = b0r + b2r,
        o0i = b0i + b2i,
        o2r = b0r - b2r,
        o2i = b0i - b2i;
      const o1r = b1r + b3i,
        o1i = b1i - b3r,
        o3r = b1r - b3i,
        o3i = b1i + b3r;
      // W8^1 o1 = ((x + y) + i (y - x)) / sqrt2; W8^2 o2 = y - i x; W8^3 o3 = ((y - x) - i (x + y)) / sqrt2
      const p1r = (o1r + o1i) * H,
        p1i = (o1i - o1r) * H;
      const p3r = (o3i - o3r) * H,
        p3i = -(o3r + o3i) * H;
      const o = ob + s;
      yr[o] = e0r + o0r;
      yi[o] = e0i + o0i;
      yr[o + 4 * ns] = e0r - o0r;
      yi[o + 4 * ns] = e0i - o0i;
      yr[o + ns] = e1r + p1r;
      yi[o + ns] = e1i + p1i;
      yr[o + 5 * ns] = e1r - p1r;
      yi[o + 5 * ns] = e1i - p1i;
      yr[o + 2 * ns] = e2r + o2i;
      yi[o + 2 * ns] = e2i - o2r;
      yr[o + 6 * ns] = e2r - o2i;
      yi[o + 6 * ns] = e2i + o2r;
      yr[o + 3 * ns] = e3r + p3r;
      yi[o + 3 * ns] = e3i + p3i;
      yr[o + 7 * ns] = e3r - p3r;
      yi[o + 7 * ns] = e3i - p3i;
    }
  }
}

/** First (twiddle-free) radix-4 stage reading interleaved complex input. */
export function radix4First(x: ArrayLike<number>, off: number, yr: number[], yi: number[], n: number): void {
  const q = n >> 2;
  const q2 = 2 * q;
  for (let j = 0, i = off; j < q; j++, i += 2) {
    const ar = x[i],
      ai = x[i + 1];
    const br = x[i + q2],
      bi = x[i + q2 + 1];
    const cr = x[i + 2 * q2],
      ci = x[i + 2 * q2 + 1];
    const dr = x[i + 3 * q2],
      di = x[i + 3 * q2 + 1];
    const t0r = ar + cr,
      t0i = ai + ci,
      t1r = ar - cr,
      t1i = ai - ci;
    const t2r = br + dr,
      t2i = bi + di,
      t3r = br - dr,
      t3i = bi - di;
    const o = 4 * j;
    yr[o] = t0r + t2r;
    yi[o] = t0i + t2i;
    yr[o + 1] = t1r + t3i;
    yi[o + 1] = t1i - t3r;
    yr[o + 2] = t0r - t2r;
    yi[o + 2] = t0i - t2i;
    yr[o + 3] = t1r - t3i;
    yi[o + 3] = t1i + t3r;
  }
}

/** First (twiddle-free) radix-8 stage reading interleaved complex input (see radix8). */
export function radix8First(x: ArrayLike<number>, off: number, yr: number[], yi: number[], n: number): void {
  const q = n >> 3;
  const q2 = 2 * q;
  for (let j = 0, i = off; j < q; j++, i += 2) {
    const v0r = x[i],
      v0i = x[i + 1];
    const v1r = x[i + q2],
      v1i = x[i + q2 + 1];
    const v2r = x[i + 2 * q2],
      v2i = x[i + 2 * q2 + 1];
    const v3r = x[i + 3 * q2],
      v3i = x[i + 3 * q2 + 1];
    const v4r = x[i + 4 * q2],
      v4i = x[i + 4 * q2 + 1];
    const v5r = x[i + 5 * q2],
      v5i = x[i + 5 * q2 + 1];
    const v6r = x[i + 6 * q2],
      v6i = x[i + 6 * q2 + 1];
    const v7r = x[i + 7 * q2],
      v7i = x[i + 7 * q2 + 1];
    const a0r = v0r + v4r,
      a0i = v0i + v4i,
      a1r = v0r - v4r,
      a1i = v0i - v4i;
    const a2r = v2r + v6r,
      a2i = v2i + v6i,
      a3r = v2r - v6r,
      a3i = v2i - v6i;
    const e0r = a0r + a2r,
      e0i = a0i + a2i,
      e2r = a0r - a2r,
      e2i = a0i - a2i;
    const e1r = a1r + a3i,
      e1i = a1i - a3r,
      e3r = a1r - a3i,
      e3i = a1i + a3r;
    const b0r = v1r + v5r,
      b0i = v1i + v5i,
      b1r = v1r - v5r,
      b1i = v1i - v5i;
    const b2r = v3r + v7r,
      b2i = v3i + v7i,
      b3r = v3r - v7r,
      b3i = v3i - v7i;
    const o0r = b0r + b2r,
      o0i = b0i + b2i,
      o2r = b0r - b2r,
      o2i = b0i - b2i;
    const o1r = b1r + b3i,
      o1i = b1i - b3r,
      o3r = b1r - b3i,
      o3i = b1i + b3r;
    const p1r = (o1r + o1i) * H,
      p1i = (o1i - o1r) * H;
    const p3r = (o3i - o3r) * H,
      p3i = -(o3r + o3i) * H;
    const o = 8 * j;
    yr[o] = e0r + o0r;
    yi[o] = e0i + o0i;
    yr[o + 4] = e0r - o0r;
    yi[o + 4] = e0i - o0i;
    yr[o + 1] = e1r + p1r;
    yi[o + 1] = e1i + p1i;
    yr[o + 5] = e1r - p1r;
    yi[o + 5] = e1i - p1i;
    yr[o + 2] = e2r + o2i;
    yi[o + 2] = e2i - o2r;
    yr[o + 6] = e2r - o2i;
    yi[o + 6] = e2i + o2r;
    yr[o + 3] = e3r + p3r;
    yi[o + 3] = e3i + p3i;
    yr[o + 7] = e3r - p3r;
    yi[o + 7] = e3i - p3i;
  }
}

// Last passes (Ns R = n, a single block: j = s) writing the interleaved output
// with real and imaginary parts swapped: Y[p] goes to out[off + 2p] = Im,
// out[off + 2p + 1] = Re.

export function radix4LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n >> 2;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 6 * s;
    const ar = xr[s],
      ai = xi[s];
    const b0r = xr[s + q],
      b0i = xi[s + q];
    const c0r = xr[s + 2 * q],
      c0i = xi[s + 2 * q];
    const d0r = xr[s + 3 * q],
      d0i = xi[s + 3 * q];
    const w1r = tw[w],
      w1i = tw[w + 1],
      w2r = tw[w + 2],
      w2i = tw[w + 3],
      w3r = tw[w + 4],
      w3i = tw[w + 5];
    const br = b0r * w1r - b0i * w1i,
      bi = b0r * w1i + b0i * w1r;
    const cr = c0r * w2r - c0i * w2i,
      ci = c0r * w2i + c0i * w2r;
    const dr = d0r * w3r - d0i * w3i,
      di = d0r * w3i + d0i * w3r;
    const t0r = ar + cr,
      t0i = ai + ci,
      t1r = ar - cr,
      t1i = ai - ci;
    const t2r = br + dr,
      t2i = bi + di,
      t3r = br - dr,
      t3i = bi - di;
    out[b + 1] = t0r + t2r;
    out[b] = t0i + t2i;
    out[b + q2 + 1] = t1r + t3i;
    out[b + q2] = t1i - t3r;
    out[b + 2 * q2 + 1] = t0r - t2r;
    out[b + 2 * q2] = t0i - t2i;
    out[b + 3 * q2 + 1] = t1r - t3i;
    out[b + 3 * q2] = t1i + t3r;
  }
}

export function radix8LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n >> 3;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 14 * s;
    const v0r = xr[s],
      v0i = xi[s];
    let wr = tw[w],
      wi = tw[w + 1],
      ur = xr[s + q],
      ui = xi[s + q];
    const v1r = ur * wr - ui * wi,
      v1i = ur * wi + ui * wr;
    wr = tw[w + 2];
    wi = tw[w + 3];
    ur = xr[s + 2 * q];
    ui = xi[s + 2 * q];
    const v2r = ur * wr - ui * wi,
      v2i = ur * wi + ui * wr;
    wr = tw[w + 4];
    wi = tw[w + 5];
    ur = xr[s + 3 * q];
    ui = xi[s + 3 * q];
    const v3r = ur * wr - ui * wi,
      v3i = ur * wi + ui * wr;
    wr = tw[w + 6];
    wi = tw[w + 7];
    ur = xr[s + 4 * q];
    ui = xi[s + 4 * q];
    const v4r = ur * wr - ui * wi,
      v4i = ur * wi + ui * wr;
    wr = tw[w + 8];
    wi = tw[w + 9];
    ur = xr[s + 5 * q];
    ui = xi[s + 5 * q];
    const v5r = ur * wr - ui * wi,
      v5i = ur * wi + ui * wr;
    wr = tw[w + 10];
    wi = tw[w + 11];
    ur = xr[s + 6 * q];
    ui = xi[s + 6 * q];
    const v6r = ur * wr - ui * wi,
      v6i = ur * wi + ui * wr;
    wr = tw[w + 12];
    wi = tw[w + 13];
    ur = xr[s + 7 * q];
    ui = xi[s + 7 * q];
    const v7r = ur * wr - ui * wi,
      v7i = ur * wi + ui * wr;
    const a0r = v0r + v4r,
      a0i = v0i + v4i,
      a1r = v0r - v4r,
      a1i = v0i - v4i;
    const a2r = v2r + v6r,
      a2i = v2i + v6i,
      a3r = v2r - v6r,
      a3i = v2i - v6i;
    const e0r = a0r + a2r,
      e0i = a0i + a2i,
      e2r = a0r - a2r,
      e2i = a0i - a2i;
    const e1r = a1r + a3i,
      e1i = a1i - a3r,
      e3r = a1r - a3i,
      e3i = a1i + a3r;
    const b0r = v1r + v5r,
      b0i = v1i + v5i,
      b1r = v1r - v5r,
      b1i = v1i - v5i;
    const b2r = v3r + v7r,
      b2i = v3i + v7i,
      b3r = v3r - v7r,
      b3i = v3i - v7i;
    const o0r = b0r + b2r,
      o0i = b0i + b2i,
      o2r = b0r - b2r,
      o2i = b0i - b2i;
    const o1r = b1r + b3i,
      o1i = b1i - b3r,
      o3r = b1r - b3i,
      o3i = b1i + b3r;
    const p1r = (o1r + o1i) * H,
      p1i = (o1i - o1r) * H;
    const p3r = (o3i - o3r) * H,
      p3i = -(o3r + o3i) * H;
    out[b + 1] = e0r + o0r;
    out[b] = e0i + o0i;
    out[b + 4 * q2 + 1] = e0r - o0r;
    out[b + 4 * q2] = e0i - o0i;
    out[b + q2 + 1] = e1r + p1r;
    out[b + q2] = e1i + p1i;
    out[b + 5 * q2 + 1] = e1r - p1r;
    out[b + 5 * q2] = e1i - p1i;
    out[b + 2 * q2 + 1] = e2r + o2i;
    out[b + 2 * q2] = e2i - o2r;
    out[b + 6 * q2 + 1] = e2r - o2i;
    out[b + 6 * q2] = e2i + o2r;
    out[b + 3 * q2 + 1] = e3r + p3r;
    out[b + 3 * q2] = e3i + p3i;
    out[b + 7 * q2 + 1] = e3r - p3r;
    out[b + 7 * q2] = e3i - p3i;
  }
}

export function radix5LastSwapped(xr: number[], xi: number[], out: Float32Array | Float64Array, off: number, n: number, st: Stage): void {
  const q = n / 5;
  const tw = st.tw;
  const q2 = 2 * q;
  for (let s = 0, b = off; s < q; s++, b += 2) {
    const w = 8 * s;
    const v0r = xr[s],
      v0i = xi[s];
    let wr = tw[w],
      wi = tw[w + 1],
      ur = xr[s + q],
      ui = xi[s + q];
    const v1r = ur * wr - ui * wi,
      v1i = ur * wi + ui * wr;
    wr = tw[w + 2];
    wi = tw[w + 3];
    ur = xr[s + 2 * q];
    ui = xi[s + 2 * q];
    const v2r = ur * wr - ui * wi,
      v2i = ur * wi + ui * wr;
    wr = tw[w + 4];
    wi = tw[w + 5];
    ur = xr[s + 3 * q];
    ui = xi[s + 3 * q];
    const v3r = ur * wr - ui * wi,
      v3i = ur * wi + ui * wr;
    wr = tw[w + 6];
    wi = tw[w + 7];
    ur = xr[s + 4 * q];
    ui = xi[s + 4 * q];
    const v4r = ur * wr - ui * wi,
      v4i = ur * wi + ui * wr;
    const a1r = v1r + v4r,
      a1i = v1i + v4i,
      b1r = v1r - v4r,
      b1i = v1i - v4i;
    const a2r = v2r + v3r,
      a2i = v2i + v3i,
      b2r = v2r - v3r,
      b2i = v2i - v3i;
    const p1r = v0r + a1r * C51 + a2r * C52,
      p1i = v0i + a1i * C51 + a2i * C52;
    const q1r = b1i * S51 + b2i * S52,
      q1i = b1r * S51 + b2r * S52;
    const p2r = v0r + a1r * C52 + a2r * C51,
      p2i = v0i + a1i * C52 + a2i * C51;
    const q2r = b1i * S52 - b2i * S51,
      q2i = b1r * S52 - b2r * S51;
    out[b + 1] = v0r + a1r + a2r;
    out[b] = v0i + a1i + a2i;
    out[b + q2 + 1] = p1r + q1r;
    out[b + q2] = p1i - q1i;
    out[b + 4 * q2 + 1] = p1r - q1r;
    out[b + 4 * q2] = p1i + q1i;
    out[b + 2 * q2 + 1] = p2r + q2r;
    out[b + 2 * q2] = p2i - q2i;
    out[b + 3 * q2 + 1] = p2r - q2r;
    out[b + 3 * q2] = p2i + q2i;
  }
}

const S3 = Math.sqrt(3) / 2;

export function radix3(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 3;
  const tw = st.tw;
  for (let j = 0, ob = 0; j < q; ob += 3 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const w = 4 * s;
      const ar = xr[j],
        ai = xi[j];
      const b0r = xr[j + q],
        b0i = xi[j + q];
      const c0r = xr[j + 2 * q],
        c0i = xi[j + 2 * q];
      const w1r = tw[w],
        w1i = tw[w + 1],
        w2r = tw[w + 2],
        w2i = tw[w + 3];
      const br = b0r * w1r - b0i * w1i,
        bi = b0r * w1i + b0i * w1r;
      const cr = c0r * w2r - c0i * w2i,
        ci = c0r * w2i + c0i * w2r;
      const t1r = br + cr,
        t1i = bi + ci;
      const t2r = (br - cr) * S3,
        t2i = (bi - ci) * S3;
      const mr = ar - 0.5 * t1r,
        mi = ai - 0.5 * t1i;
      const o = ob + s;
      yr[o] = ar + t1r;
      yi[o] = ai + t1i;
      // Y1 = m - i t2, Y2 = m + i t2
      yr[o + ns] = mr + t2i;
      yi[o + ns] = mi - t2r;
      yr[o + 2 * ns] = mr - t2i;
      yi[o + 2 * ns] = mi + t2r;
    }
  }
}

const C51 = Math.cos((2 * Math.PI) / 5);
const S51 = Math.sin((2 * Math.PI) / 5);
const C52 = Math.cos((4 * Math.PI) / 5);
const S52 = Math.sin((4 * Math.PI) / 5);

export function radix5(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage): void {
  const ns = st.ns;
  const q = n / 5;
  const tw = st.tw;
  const first = ns === 1;
  for (let j = 0, ob = 0; j < q; ob += 5 * ns) {
    for (let s = 0; s < ns; s++, j++) {
      const v0r = xr[j],
        v0i = xi[j];
      let v1r = xr[j + q],
        v1i = xi[j + q];
      let v2r = xr[j + 2 * q],
        v2i = xi[j + 2 * q];
      let v3r = xr[j + 3 * q],
        v3i = xi[j + 3 * q];
      let v4r = xr[j + 4 * q],
        v4i = xi[j + 4 * q];
      if (!first) {
        const w = 8 * s;
        let wr = tw[w],
          wi = tw[w + 1],
          t = v1r;
        v1r = t * wr - v1i * wi;
        v1i = t * wi + v1i * wr;
        wr = tw[w + 2];
        wi = tw[w + 3];
        t = v2r;
        v2r = t * wr - v2i * wi;
        v2i = t * wi + v2i * wr;
        wr = tw[w + 4];
        wi = tw[w + 5];
        t = v3r;
        v3r = t * wr - v3i * wi;
        v3i = t * wi + v3i * wr;
        wr = tw[w + 6];
        wi = tw[w + 7];
        t = v4r;
        v4r = t * wr - v4i * wi;
        v4i = t * wi + v4i * wr;
      }
      const a1r = v1r + v4r,
        a1i = v1i + v4i,
        b1r = v1r - v4r,
        b1i = v1i - v4i;
      const a2r = v2r + v3r,
        a2i = v2i + v3i,
        b2r = v2r - v3r,
        b2i = v2i - v3i;
      const p1r = v0r + a1r * C51 + a2r * C52,
        p1i = v0i + a1i * C51 + a2i * C52;
      const q1r = b1i * S51 + b2i * S52,
        q1i = b1r * S51 + b2r * S52;
      const p2r = v0r + a1r * C52 + a2r * C51,
        p2i = v0i + a1i * C52 + a2i * C51;
      const q2r = b1i * S52 - b2i * S51,
        q2i = b1r * S52 - b2r * S51;
      const o = ob + s;
      yr[o] = v0r + a1r + a2r;
      yi[o] = v0i + a1i + a2i;
      yr[o + ns] = p1r + q1r;
      yi[o + ns] = p1i - q1i;
      yr[o + 4 * ns] = p1r - q1r;
      yi[o + 4 * ns] = p1i + q1i;
      yr[o + 2 * ns] = p2r + q2r;
      yi[o + 2 * ns] = p2i - q2i;
      yr[o + 3 * ns] = p2r - q2r;
      yi[o + 3 * ns] = p2i + q2i;
    }
  }
}

/**
 * Generic odd radix R = 2h+1: with a_r = v_r + v_{R-r}, b_r = v_r - v_{R-r},
 *   Y_q     = v_0 + sum_r a_r cos(2 pi r q / R) - i b_r sin(2 pi r q / R)
 *   Y_{R-q} = v_0 + sum_r a_r cos(2 pi r q / R) + i b_r sin(2 pi r q / R),  q = 1..h.
 */
export function radixOdd(xr: number[], xi: number[], yr: number[], yi: number[], n: number, st: Stage, scratch: number[]): void {
  const R = st.radix;
  const h = (R - 1) >> 1;
  const ns = st.ns;
  const q = n / R;
  const tw = st.tw;
  const cs = st.cos as number[];
  const sn = st.sin as number[];
  // scratch layout: a_re[h], a_im[h], b_re[h], b_im[h] at 0, R, 2R, 3R.
  const AR = 0,
    AI = R,
    BR = 2 * R,
    BI = 3 * R;
  let s = 0;
  let ob = 0;
  for (let j = 0; j < q; j++) {
    const w = 2 * (R - 1) * s;
    const v0r = xr[j],
      v0i = xi[j];
    let sr = v0r,
      si = v0i;
    for (let r = 1; r <= h; r++) {
      const i1 = j + r * q,
        i2 = j + (R - r) * q;
      const k1 = w + 2 * (r - 1),
        k2 = w + 2 * (R - r - 1);
      const w1r = tw[k1],
        w1i = tw[k1 + 1];
      const w2r = tw[k2],
        w2i = tw[k2 + 1];
      const ur = xr[i1] * w1r - xi[i1] * w1i,
        ui = xr[i1] * w1i + xi[i1] * w1r;
      const zr = xr[i2] * w2r - xi[i2] * w2i,
        zi = xr[i2] * w2i + xi[i2] * w2r;
      const ar = ur + zr,
        ai = ui + zi;
      scratch[AR + r] = ar;
      scratch[AI + r] = ai;
      scratch[BR + r] = ur - zr;
      scratch[BI + r] = ui - zi;
      sr += ar;
      si += ai;
    }
    const o = ob + s;
    yr[o] = sr;
    yi[o] = si;
    for (let k = 1; k <= h; k++) {
      let pr = v0r,
        pi = v0i,
        qr = 0,
        qi = 0;
      let idx = 0;
      for (let r = 1; r <= h; r++) {
        idx += k;
        if (idx >= R) idx -= R;
        const c = cs[idx],
          sv = sn[idx];
        pr += scratch[AR + r] * c;
        pi += scratch[AI + r] * c;
        qr += scratch[BI + r] * sv;
        qi += scratch[BR + r] * sv;
      }
      yr[o + k * ns] = pr + qr;
      yi[o + k * ns] = pi - qi;
      yr[o + (R - k) * ns] = pr - qr;
      yi[o + (R - k) * ns] = pi + qi;
    }
    if (++s === ns) {
      s = 0;
      ob += R * ns;
    }
  }
}
