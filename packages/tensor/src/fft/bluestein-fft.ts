import FFT from 'fft.js';
import type { FftEngine } from './fft-engine.js';

/**
 * Bluestein's chirp-z FFT for any length n, through a power-of-two FFT of
 * length M >= 2n - 1 (fft.js). With c_t = e^{-pi i t^2 / n} and
 * b_m = e^{+pi i m^2 / n} (so that e^{-2 pi i k t / n} = c_k c_t b_{k-t}):
 *   X[k] = c_k * sum_t (x_t c_t) b_{k-t} = c_k * IFFT_M(FFT_M(x c) . FFT_M(b))[k].
 * FFT_M(b) is precomputed; the inverse uses the conjugate chirps (b is
 * circularly even, so FFT_M(conj b) = conj FFT_M(b)) and scales by 1/n.
 * t^2 is reduced mod 2n before the angle is formed, to keep float64 accuracy.
 * @internal
 */
export class BluesteinFft implements FftEngine {
  readonly n: number;
  private readonly m: number;
  private readonly fft: FFT;
  private readonly chirpRe: Float64Array;
  private readonly chirpIm: Float64Array;
  private readonly bHat: Float64Array;
  private readonly bufA: Float64Array;
  private readonly bufB: Float64Array;

  constructor(n: number) {
    this.n = n;
    let m = 2;
    while (m < 2 * n - 1) m *= 2;
    this.m = m;
    this.fft = new FFT(m);
    this.chirpRe = new Float64Array(n);
    this.chirpIm = new Float64Array(n);
    const twoN = 2 * n;
    for (let t = 0; t < n; t++) {
      const ang = (Math.PI * ((t * t) % twoN)) / n;
      this.chirpRe[t] = Math.cos(ang);
      this.chirpIm[t] = -Math.sin(ang);
    }
    const b = new Float64Array(2 * m);
    for (let t = 0; t < n; t++) {
      // b_t = conj(c_t)
      b[2 * t] = this.chirpRe[t];
      b[2 * t + 1] = -this.chirpIm[t];
      if (t > 0) {
        b[2 * (m - t)] = this.chirpRe[t];
        b[2 * (m - t) + 1] = -this.chirpIm[t];
      }
    }
    this.bHat = new Float64Array(2 * m);
    this.fft.transform(this.bHat, b);
    this.bufA = new Float64Array(2 * m);
    this.bufB = new Float64Array(2 * m);
  }

  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number, inverse: boolean): void {
    const n = this.n;
    const m = this.m;
    const a = this.bufA;
    const bb = this.bufB;
    const cr = this.chirpRe;
    const ci = this.chirpIm;
    const sg = inverse ? -1 : 1;
    for (let t = 0; t < n; t++) {
      const xr = inp[inOff + 2 * t],
        xi = inp[inOff + 2 * t + 1];
      const wr = cr[t],
        wi = sg * ci[t];
      a[2 * t] = xr * wr - xi * wi;
      a[2 * t + 1] = xr * wi + xi * wr;
    }
    a.fill(0, 2 * n);
    this.fft.transform(bb, a);
    const bh = this.bHat;
    for (let k = 0; k < 2 * m; k += 2) {
      const xr = bb[k],
        xi = bb[k + 1];
      const wr = bh[k],
        wi = sg * bh[k + 1];
      a[k] = xr * wr - xi * wi;
      a[k + 1] = xr * wi + xi * wr;
    }
    this.fft.inverseTransform(bb, a);
    const sc = inverse ? 1 / n : 1;
    for (let k = 0; k < n; k++) {
      const xr = bb[2 * k],
        xi = bb[2 * k + 1];
      const wr = cr[k] * sc,
        wi = sg * ci[k] * sc;
      out[outOff + 2 * k] = xr * wr - xi * wi;
      out[outOff + 2 * k + 1] = xr * wi + xi * wr;
    }
  }
}
