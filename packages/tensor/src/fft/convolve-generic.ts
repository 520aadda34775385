import type { RealFftPlan } from './real-fft-plan.js';
import { TensorError } from '../tensor-error.js';

/** Number of rows of `out` and the row counts of a and b for `convolve`; throws on a mismatch. @internal */
export function convolveRows(
  n: number,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  out: Float32Array | Float64Array,
): [number, number, number] {
  const fn = 'RealFftPlan.convolve';
  if (out == null || typeof out.length !== 'number' || out.length === 0 || out.length % n !== 0) {
    throw new TensorError(
      'out',
      `${fn}: out must be a Float32Array or Float64Array of a positive multiple of n=${n} numbers, got length ${out?.length}`,
    );
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

/** Per-plan scratch of the generic `convolve` (forward, multiply, inverse per row). @internal */
export class ConvolveScratch {
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

/** `convolve` through forward / inverse (odd n, n = 1, rough n). @internal */
export function convolveGeneric(
  plan: RealFftPlan,
  scratch: ConvolveScratch,
  a: ArrayLike<number>,
  na: number,
  b: ArrayLike<number>,
  nb: number,
  out: Float32Array | Float64Array,
  rows: number,
  correlate: boolean,
): void {
  const n = plan.n;
  const w = 2 * plan.bins;
  const { sa, sb, sc, y } = scratch;
  const cj = correlate ? -1 : 1;
  for (let r = 0; r < rows; r++) {
    if (na > 1 || r === 0) plan.forward(a, sa, na > 1 ? r * n : 0, 0);
    if (nb > 1 || r === 0) plan.forward(b, sb, nb > 1 ? r * n : 0, 0);
    for (let j = 0; j < w; j += 2) {
      const ar = sa[j],
        ai = cj * sa[j + 1],
        br = sb[j],
        bi = sb[j + 1];
      sc[j] = ar * br - ai * bi;
      sc[j + 1] = ar * bi + ai * br;
    }
    plan.inverse(sc, y, 0, 0);
    for (let t = 0, o = r * n; t < n; t++, o++) out[o] = y[t];
  }
}
