import { PlotError } from './plot-error.js';
import { checkArrayLike, checkLogPositive, checkNumbers, checkString } from './checks.js';
import { resolvePlotOptions, type PlotOptions } from './plot-options.js';
import { axisScale, baseSpec } from './base-spec.js';
import { renderVegaLite } from './render-vega-lite.js';

/** One curve of a {@link linePlot}. */
export interface LineSeries {
  /** Legend entry; unique within the plot. */
  name: string;
  /** x values (default 0, 1, 2, …); same length as `y`. Points are joined in this order. */
  x?: ArrayLike<number>;
  /** y values. */
  y: ArrayLike<number>;
  /** Draw the curve dashed (e.g. a theory curve beside a measured one). */
  dashed?: boolean;
}

/** What {@link linePlot} draws. */
export interface LinePlotInput {
  /** The curves, drawn in order, one legend entry each. */
  series: readonly LineSeries[];
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends PlotOptions {
  /** Also mark each data point with a dot (default false). */
  points?: boolean;
}

const FN = 'linePlot';

/**
 * Line plot of one or more series, coloured by name in the order given, with a
 * legend when there is more than one: learning curves, membrane traces, a
 * measured curve beside its theory (`dashed: true`).
 *
 * @returns the SVG document as a string.
 * @throws PlotError when `series` is empty or names repeat (`ERR_INVALID_ARGUMENT`),
 *   `x` and `y` lengths differ (`ERR_SHAPE`), a value is NaN/±Infinity
 *   (`ERR_NOT_FINITE`) or not > 0 on a log axis (`ERR_OUT_OF_RANGE`).
 */
export async function linePlot(input: LinePlotInput, opts: LinePlotOptions = {}): Promise<string> {
  if (input === null || typeof input !== 'object')
    throw new PlotError('input', `${FN}: input must be an object {series}, got ${String(input)}`);
  const series = checkArrayLike(FN, 'series', input.series) as ArrayLike<LineSeries>;
  if (series.length === 0) throw new PlotError('series', `${FN}: series must hold at least one series`);
  const o = resolvePlotOptions(FN, opts, { xLabel: 'x', yLabel: 'y' });
  const rows: { s: string; x: number; y: number; i: number; d: string }[] = [];
  const names: string[] = [];
  for (let k = 0; k < series.length; k++) {
    const s = series[k]!;
    if (s === null || typeof s !== 'object')
      throw new PlotError(`series[${k}]`, `${FN}: series[${k}] must be an object {name, x?, y}, got ${String(s)}`);
    checkString(FN, `series[${k}].name`, s.name);
    if (names.includes(s.name))
      throw new PlotError(`series[${k}].name`, `${FN}: series names must be unique, ${JSON.stringify(s.name)} repeats`);
    names.push(s.name);
    const y = checkNumbers(FN, `series[${k}].y`, s.y);
    const x = s.x === undefined ? undefined : checkNumbers(FN, `series[${k}].x`, s.x);
    if (x !== undefined && x.length !== y.length) {
      throw new PlotError(`series[${k}].x`, `${FN}: series[${k}].x and .y must have the same length, got ${x.length} and ${y.length}`, {
        code: 'ERR_SHAPE',
      });
    }
    if (o.xScale === 'log') checkLogPositive(FN, `series[${k}].x`, x ?? Array.from({ length: y.length }, (_, i) => i));
    if (o.yScale === 'log') checkLogPositive(FN, `series[${k}].y`, y);
    const d = s.dashed ? 'dashed' : 'solid';
    for (let i = 0; i < y.length; i++) rows.push({ s: s.name, x: x ? x[i]! : i, y: y[i]!, i, d });
  }
  return renderVegaLite({
    ...baseSpec(o),
    data: { values: rows },
    mark: { type: 'line', point: opts?.points === true, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xLabel, scale: axisScale(o.xScale) },
      y: { field: 'y', type: 'quantitative', title: o.yLabel, scale: axisScale(o.yScale) },
      color: { field: 's', type: 'nominal', title: null, scale: { domain: names }, legend: names.length > 1 ? { labelLimit: 400 } : null },
      strokeDash: {
        field: 'd',
        type: 'nominal',
        scale: {
          domain: ['solid', 'dashed'],
          range: [
            [1, 0],
            [6, 3],
          ],
        },
        legend: null,
      },
      order: { field: 'i', type: 'quantitative' },
    },
  });
}
