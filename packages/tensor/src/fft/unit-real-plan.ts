import type { RealFftPlan } from './real-fft-plan.js';
import { checkSpan } from './check-length.js';
import { convolveRows } from './convolve-generic.js';

/**
 * n = 1: X[0] = x[0].
 * @internal
 */
export class UnitRealPlan implements RealFftPlan {
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
