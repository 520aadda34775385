import { PlotError } from './plot-error.js';
import { checkInt, checkNumbers, checkRows, checkString } from './checks.js';
import { resolvePlotOptions, type PlotOptions } from './plot-options.js';
import { baseSpec } from './base-spec.js';
import { renderVegaLite } from './render-vega-lite.js';

/** A row-major matrix given flat: entry (r, c) is `data[r * cols + c]`. */
export interface FlatMatrix {
  /** The `rows × cols` entries, row-major. */
  data: ArrayLike<number>;
  /** Number of rows (drawn top to bottom). */
  rows: number;
  /** Number of columns (drawn left to right). */
  cols: number;
}

/** What {@link heatmap} draws: an array of rows, or a flat row-major matrix. */
export type HeatmapInput = ArrayLike<ArrayLike<number>> | FlatMatrix;

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends Omit<PlotOptions, 'xScale' | 'yScale'> {
  /** Title of the colour legend (default `'value'`). */
  colorLabel?: string;
  /** A Vega colour scheme name, e.g. `'viridis'` (default), `'greys'`, `'blueorange'`. */
  scheme?: string;
}

const FN = 'heatmap';

function isFlat(x: unknown): x is FlatMatrix {
  return typeof x === 'object' && x !== null && 'data' in x && 'rows' in x && 'cols' in x;
}

/**
 * Heat map of a matrix: one cell per entry, row 0 at the top (as an image),
 * coloured by value. Width and height default to 10 pixels per cell, between 100 and 600.
 *
 * @returns the SVG document as a string.
 * @throws PlotError for ragged rows or `data.length != rows*cols` (`ERR_SHAPE`),
 *   NaN/±Infinity (`ERR_NOT_FINITE`), an empty matrix (`ERR_SHAPE`).
 */
export async function heatmap(matrix: HeatmapInput, opts: HeatmapOptions = {}): Promise<string> {
  let rows: number;
  let cols: number;
  let at: (r: number, c: number) => number;
  if (isFlat(matrix)) {
    rows = checkInt(FN, 'matrix.rows', matrix.rows, 1);
    cols = checkInt(FN, 'matrix.cols', matrix.cols, 1);
    const data = checkNumbers(FN, 'matrix.data', matrix.data);
    if (data.length !== rows * cols)
      throw new PlotError('matrix.data', `${FN}: matrix.data must hold rows*cols = ${rows * cols} values, got ${data.length}`, {
        code: 'ERR_SHAPE',
      });
    at = (r, c) => data[r * cols + c]!;
  } else {
    const rowsChecked = checkRows(FN, 'matrix', matrix);
    rows = rowsChecked.length;
    cols = rows === 0 ? 0 : rowsChecked[0]!.length;
    at = (r, c) => rowsChecked[r]![c]!;
  }
  if (rows === 0 || cols === 0)
    throw new PlotError('matrix', `${FN}: matrix must have at least one row and one column, got ${rows}×${cols}`, { code: 'ERR_SHAPE' });
  const colorLabel = checkString(FN, 'opts.colorLabel', opts?.colorLabel, true) ?? 'value';
  const scheme = checkString(FN, 'opts.scheme', opts?.scheme, true) ?? 'viridis';
  const px = (n: number) => Math.max(100, Math.min(600, 10 * n));
  const o = resolvePlotOptions(FN, opts, { xLabel: 'column', yLabel: 'row', width: px(cols), height: px(rows) });
  const values: { r: number; c: number; v: number }[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values.push({ r, c, v: at(r, c) });
  // Label at most ~20 ticks per axis so large matrices stay readable.
  const ticks = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % Math.ceil(n / 20) === 0);
  return renderVegaLite({
    ...baseSpec(o),
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'c',
        type: 'ordinal',
        title: o.xLabel,
        scale: { domain: Array.from({ length: cols }, (_, i) => i), paddingInner: 0 },
        axis: { values: ticks(cols), labelAngle: 0 },
      },
      y: {
        field: 'r',
        type: 'ordinal',
        title: o.yLabel,
        scale: { domain: Array.from({ length: rows }, (_, i) => i), paddingInner: 0 },
        axis: { values: ticks(rows) },
      },
      color: { field: 'v', type: 'quantitative', title: colorLabel, scale: { scheme } },
    },
  });
}
