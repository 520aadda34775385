import type { RealFftPlan } from './real-fft-plan.js';
import type { FftEngine } from './fft-engine.js';
import { fftEngine } from './complex-fft-plan.js';
import { checkSpan } from './check-length.js';
import { convolveRows, ConvolveScratch, convolveGeneric } from './convolve-generic.js';

/**
 * Odd n: a complex FFT of length n on (x, 0); the inverse rebuilds the Hermitian spectrum.
 * @internal
 */
export class OddRealPlan implements RealFftPlan {
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
    for (let t = 0; t < n; t++) {
      a[2 * t] = x[xOffset + t];
      a[2 * t + 1] = 0;
    }
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
      const re = spec[specOffset + 2 * k],
        im = spec[specOffset + 2 * k + 1];
      a[2 * k] = re;
      a[2 * k + 1] = im;
      a[2 * (n - k)] = re;
      a[2 * (n - k) + 1] = -im;
    }
    const b = this.b;
    this.engine.run(a, 0, b, 0, true);
    for (let t = 0; t < n; t++) o[outOffset + t] = b[2 * t];
    return o;
  }
}
