import { PlotError } from './plot-error.js';
import { checkInt, checkString } from './checks.js';

/** Axis scale: `'linear'` (default) or base-10 `'log'` (every value on that axis must be > 0). */
export type AxisScale = 'linear' | 'log';

/** Options shared by every plot. Sizes are in SVG pixels (the plotting area, without axes and legend). */
export interface PlotOptions {
  /** Title drawn above the plot. */
  title?: string;
  /** Title of the x axis. */
  xLabel?: string;
  /** Title of the y axis. */
  yLabel?: string;
  /** Width of the plotting area in pixels, integer in [10, 10000] (default 400). */
  width?: number;
  /** Height of the plotting area in pixels, integer in [10, 10000] (default 250). */
  height?: number;
  /** Scale of the x axis (default `'linear'`). */
  xScale?: AxisScale;
  /** Scale of the y axis (default `'linear'`). */
  yScale?: AxisScale;
}

/** The checked, defaulted form of {@link PlotOptions}. */
export interface ResolvedPlotOptions {
  title: string | undefined;
  xLabel: string | undefined;
  yLabel: string | undefined;
  width: number;
  height: number;
  xScale: AxisScale;
  yScale: AxisScale;
}

/** Check `opts` (throwing {@link PlotError} naming `opts.<field>`) and fill in defaults. */
export function resolvePlotOptions(
  fn: string,
  opts: PlotOptions | undefined,
  defaults: Partial<ResolvedPlotOptions> = {},
): ResolvedPlotOptions {
  if (opts === undefined) opts = {};
  if (opts === null || typeof opts !== 'object') throw new PlotError('opts', `${fn}: opts must be an object, got ${String(opts)}`);
  const text = (name: 'title' | 'xLabel' | 'yLabel'): string | undefined =>
    checkString(fn, `opts.${name}`, opts[name], true) ?? defaults[name];
  const scale = (name: 'xScale' | 'yScale'): AxisScale => {
    const v = opts[name] ?? defaults[name] ?? 'linear';
    if (v !== 'linear' && v !== 'log')
      throw new PlotError(`opts.${name}`, `${fn}: opts.${name} must be 'linear' or 'log', got ${JSON.stringify(v)}`);
    return v;
  };
  return {
    title: text('title'),
    xLabel: text('xLabel'),
    yLabel: text('yLabel'),
    width: checkInt(fn, 'opts.width', opts.width ?? defaults.width ?? 400, 10, 10_000),
    height: checkInt(fn, 'opts.height', opts.height ?? defaults.height ?? 250, 10, 10_000),
    xScale: scale('xScale'),
    yScale: scale('yScale'),
  };
}
