import { describe, expect, it } from 'vitest';
import { createRng } from '@neurite/tensor';
import { histogramBins } from '../src/index.js';
import { expectPlotError } from './errors.js';

/** Reference: count by scanning every bin for every value (numpy.histogram's rule, last edge closed). */
function slowCounts(values: ArrayLike<number>, edges: ArrayLike<number>): number[] {
  const B = edges.length - 1;
  const counts = new Array<number>(B).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    for (let k = 0; k < B; k++) {
      if (edges[k]! <= v && (v < edges[k + 1]! || (k === B - 1 && v === edges[B]!))) {
        counts[k]!++;
        break;
      }
    }
  }
  return counts;
}

describe('histogramBins', () => {
  it('matches a per-bin scan on random data with equal-width and explicit edges', () => {
    const rng = createRng(7);
    const xs = Float64Array.from({ length: 5000 }, () => rng.normal());
    const eq = histogramBins(xs, { bins: 17 });
    expect(eq.edges).toHaveLength(18);
    expect(Array.from(eq.counts)).toEqual(slowCounts(xs, eq.edges));
    expect(eq.counts.reduce((a, b) => a + b, 0)).toBe(5000); // min and max are inside the default range
    const edges = [-3, -1, -0.5, 0, 0.25, 2];
    const ex = histogramBins(xs, { bins: edges });
    expect(Array.from(ex.counts)).toEqual(slowCounts(xs, edges));
  });

  it('closes the last bin, drops values outside the range, and centres a single value', () => {
    expect(Array.from(histogramBins([0, 0.5, 1, 1, 2, -1], { bins: 2, range: [0, 1] }).counts)).toEqual([1, 3]);
    const one = histogramBins([3, 3], { bins: 4 });
    expect(Array.from(one.edges)).toEqual([2.5, 2.75, 3, 3.25, 3.5]);
    expect(Array.from(one.counts)).toEqual([0, 0, 2, 0]);
    expect(Array.from(histogramBins([], { bins: 2 }).edges)).toEqual([0, 0.5, 1]);
  });

  it('rejects bad bins and values with PlotError', async () => {
    await expectPlotError(() => histogramBins([1, NaN]), 'ERR_NOT_FINITE', 'values');
    await expectPlotError(() => histogramBins([1], { bins: 0 }), 'ERR_OUT_OF_RANGE', 'opts.bins');
    await expectPlotError(() => histogramBins([1], { bins: [0, 1, 1] }), 'ERR_OUT_OF_RANGE', 'opts.bins');
    await expectPlotError(() => histogramBins([1], { bins: [0] }), 'ERR_SHAPE', 'opts.bins');
    await expectPlotError(() => histogramBins([1], { bins: 3, range: [2, 1] }), 'ERR_OUT_OF_RANGE', 'opts.range');
    await expectPlotError(() => histogramBins([1], { bins: [0, 2], range: [0, 1] }), 'ERR_INVALID_ARGUMENT', 'opts.range');
  });
});
