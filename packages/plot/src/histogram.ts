import { PlotError } from './plot-error.js';
import { histogramBins, type BinOptions } from './histogram-bins.js';
import { checkLogPositive } from './checks.js';
import { resolvePlotOptions, type PlotOptions } from './plot-options.js';
import { axisScale, baseSpec } from './base-spec.js';
import { renderVegaLite } from './render-vega-lite.js';

/** Options of {@link histogram}: binning ({@link BinOptions}) and plot options. */
export interface HistogramOptions extends PlotOptions, BinOptions {}

const FN = 'histogram';

/**
 * Histogram of `values`: one bar per bin (binned by {@link histogramBins}), its
 * height the count. With `yScale: 'log'` empty bins are left out (log 0 is not drawn).
 *
 * @returns the SVG document as a string.
 * @throws PlotError for NaN/±Infinity values (`ERR_NOT_FINITE`), bad bins or range
 *   (`ERR_OUT_OF_RANGE`/`ERR_SHAPE`), non-positive edges on a log x axis.
 */
export async function histogram(values: ArrayLike<number>, opts: HistogramOptions = {}): Promise<string> {
  const o = resolvePlotOptions(FN, opts, { xLabel: 'value', yLabel: 'count' });
  const { edges, counts } = histogramBins(values, opts ?? {}, FN);
  if (o.xScale === 'log') checkLogPositive(FN, 'opts.bins', edges);
  const rows: { lo: number; hi: number; count: number }[] = [];
  for (let k = 0; k < counts.length; k++) {
    if (o.yScale === 'log' && counts[k] === 0) continue;
    rows.push({ lo: edges[k]!, hi: edges[k + 1]!, count: counts[k]! });
  }
  if (o.yScale === 'log' && rows.length === 0)
    throw new PlotError('values', `${FN}: every bin is empty, nothing to draw on a log count axis`, { code: 'ERR_OUT_OF_RANGE' });
  return renderVegaLite({
    ...baseSpec(o),
    data: { values: rows },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5, color: '#4c78a8' },
    encoding: {
      x: {
        field: 'lo',
        type: 'quantitative',
        title: o.xLabel,
        scale: { ...axisScale(o.xScale), domain: [edges[0], edges[edges.length - 1]], nice: false },
      },
      x2: { field: 'hi' },
      y: {
        field: 'count',
        type: 'quantitative',
        title: o.yLabel,
        scale: o.yScale === 'log' ? { type: 'log' } : { type: 'linear', zero: true },
      },
      ...(o.yScale === 'log' ? {} : { y2: { datum: 0 } }),
    },
  });
}
