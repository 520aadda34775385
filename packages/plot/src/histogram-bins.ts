import { PlotError } from './plot-error.js';
import { checkArrayLike, checkInt, checkNumbers } from './checks.js';

/** How {@link histogramBins} (and {@link histogram}) cut the value axis. */
export interface BinOptions {
  /** Number of equal-width bins (default 20), or the bin edges, strictly increasing (at least 2). */
  bins?: number | ArrayLike<number>;
  /** `[lo, hi]` for equal-width bins (default: the smallest and largest value). */
  range?: readonly [number, number];
}

/** Bin edges `edges[0..B]` and the count in each of the `B` bins. */
export interface HistogramBins {
  /** The `B + 1` bin edges, increasing. */
  edges: Float64Array;
  /** The number of values in each of the `B` bins. */
  counts: Uint32Array;
}

/**
 * Count `values` into bins. Bin `k` holds `edges[k] <= v < edges[k+1]`; the last
 * bin also holds `v = edges[B]` (numpy's rule). Values outside the edges are not
 * counted. With no values and no `range`, the edges span [0, 1].
 */
export function histogramBins(values: ArrayLike<number>, opts: BinOptions = {}, fn = 'histogramBins'): HistogramBins {
  const xs = checkNumbers(fn, 'values', values);
  const bins = opts?.bins ?? 20;
  let edges: Float64Array;
  if (typeof bins === 'number') {
    const b = checkInt(fn, 'opts.bins', bins, 1, 100_000);
    let lo: number, hi: number;
    if (opts.range !== undefined) {
      const r = checkNumbers(fn, 'opts.range', checkArrayLike(fn, 'opts.range', opts.range));
      if (r.length !== 2 || !(r[0]! < r[1]!))
        throw new PlotError('opts.range', `${fn}: opts.range must be [lo, hi] with lo < hi, got [${Array.from(r).join(', ')}]`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      [lo, hi] = [r[0]!, r[1]!];
    } else if (xs.length === 0) {
      [lo, hi] = [0, 1];
    } else {
      lo = Infinity;
      hi = -Infinity;
      for (let i = 0; i < xs.length; i++) {
        if (xs[i]! < lo) lo = xs[i]!;
        if (xs[i]! > hi) hi = xs[i]!;
      }
      if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
    }
    edges = new Float64Array(b + 1);
    for (let k = 0; k <= b; k++) edges[k] = k === b ? hi : lo + ((hi - lo) * k) / b;
  } else {
    if (opts.range !== undefined) throw new PlotError('opts.range', `${fn}: give opts.range only with a bin count, not with bin edges`);
    const e = checkNumbers(fn, 'opts.bins', bins);
    if (e.length < 2)
      throw new PlotError('opts.bins', `${fn}: opts.bins edges must hold at least 2 values, got ${e.length}`, { code: 'ERR_SHAPE' });
    for (let k = 1; k < e.length; k++) {
      if (!(e[k]! > e[k - 1]!))
        throw new PlotError(
          'opts.bins',
          `${fn}: opts.bins edges must increase strictly, but edge ${k} (${e[k]}) <= edge ${k - 1} (${e[k - 1]})`,
          { code: 'ERR_OUT_OF_RANGE' },
        );
    }
    edges = Float64Array.from(e);
  }
  const B = edges.length - 1;
  const counts = new Uint32Array(B);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v < edges[0]! || v > edges[B]!) continue;
    // Last k with edges[k] <= v (binary search), clamped so v = edges[B] lands in bin B-1.
    let lo = 0;
    let hi = B;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= v) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return { edges, counts };
}
