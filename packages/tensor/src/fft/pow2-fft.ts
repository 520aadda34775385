import FFT from 'fft.js';
import type { FftEngine } from './fft-engine.js';

/**
 * Complex FFT of a power-of-two length n >= 2 through fft.js (radix-4,
 * precomputed twiddle table). Float64 work buffers are allocated once.
 * @internal
 */
export class Pow2Fft implements FftEngine {
  readonly n: number;
  private readonly fft: FFT;
  private readonly bufIn: Float64Array;
  private readonly bufOut: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.fft = new FFT(n);
    this.bufIn = new Float64Array(2 * n);
    this.bufOut = new Float64Array(2 * n);
  }

  run(inp: ArrayLike<number>, inOff: number, out: Float64Array, outOff: number, inverse: boolean): void {
    const m = 2 * this.n;
    let src: ArrayLike<number> = inp;
    if (inOff !== 0) {
      const b = this.bufIn;
      for (let i = 0; i < m; i++) b[i] = inp[inOff + i];
      src = b;
    }
    if (!inverse && outOff === 0 && src !== out) {
      // fft.js writes exactly indices 0..2n-1 of `out`.
      this.fft.transform(out, src);
      return;
    }
    const o = this.bufOut;
    // fft.js's inverseTransform scales the whole output array by 1/n, so it
    // must be exactly 2n long: always go through our own buffer.
    if (inverse) this.fft.inverseTransform(o, src);
    else this.fft.transform(o, src);
    for (let i = 0; i < m; i++) out[outOff + i] = o[i];
  }
}
