import { describe, expect, it } from 'vitest';
import { histogram, histogramBins } from '../src/index.js';
import { axisTitles, markItems, parseSvg, rectBox } from './svg-tree.js';
import { expectPlotError } from './errors.js';

describe('histogram', () => {
  const values = [0.1, 0.2, 0.25, 1.1, 1.5, 2.2, 2.3, 2.4, 2.9, 3.5];

  it('draws one bar per bin, heights proportional to the counts, widths equal', async () => {
    const svg = parseSvg(await histogram(values, { bins: 4, range: [0, 4], xLabel: 'rate (Hz)' }));
    const bars = markItems(svg, 'rect').map(rectBox);
    expect(bars).toHaveLength(4);
    const { counts } = histogramBins(values, { bins: 4, range: [0, 4] });
    expect(Array.from(counts)).toEqual([3, 2, 4, 1]);
    const perCount = bars[0]![3] / counts[0]!;
    bars.forEach(([, , w, h], k) => {
      expect(h / counts[k]!).toBeCloseTo(perCount, 9);
      expect(w).toBeCloseTo(bars[0]![2], 9);
    });
    // Bars sit side by side from left to right.
    for (let k = 1; k < 4; k++) expect(bars[k]![0]).toBeCloseTo(bars[k - 1]![0] + bars[k - 1]![2], 9);
    expect(axisTitles(svg)).toEqual(['rate (Hz)', 'count']);
  });

  it('bins integer labels with half-integer edges (one bar per class)', async () => {
    const labels = Uint8Array.from([0, 1, 1, 2, 2, 2]);
    const bars = markItems(parseSvg(await histogram(labels, { bins: 3, range: [-0.5, 2.5] })), 'rect').map(rectBox);
    // Heights are written with ~16 significant digits: compare ratios to 1e-9.
    bars.forEach(([, , , h], k) => expect(h / bars[0]![3]).toBeCloseTo(k + 1, 9));
    expect(bars).toHaveLength(3);
  });

  it('leaves empty bins out on a log count axis, and is deterministic', async () => {
    const svg = await histogram(values, { bins: 8, range: [0, 4], yScale: 'log' });
    expect(markItems(parseSvg(svg), 'rect')).toHaveLength(
      histogramBins(values, { bins: 8, range: [0, 4] }).counts.filter((c) => c > 0).length,
    );
    expect(await histogram(values, { bins: 8, range: [0, 4], yScale: 'log' })).toBe(svg);
  });

  it('rejects bad input with PlotError', async () => {
    await expectPlotError(histogram([1, -Infinity]), 'ERR_NOT_FINITE', 'values');
    await expectPlotError(histogram({} as never), 'ERR_INVALID_ARGUMENT', 'values');
    await expectPlotError(histogram([1, 2], { bins: [-1, 0, 1], xScale: 'log' }), 'ERR_OUT_OF_RANGE', 'opts.bins');
    await expectPlotError(histogram([5], { range: [0, 1], yScale: 'log' }), 'ERR_OUT_OF_RANGE', 'values');
  });
});
