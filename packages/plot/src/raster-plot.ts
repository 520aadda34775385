import { PlotError } from './plot-error.js';
import { checkLogPositive, checkNumbers, checkPositive, checkRows } from './checks.js';
import { resolvePlotOptions, type PlotOptions } from './plot-options.js';
import { axisScale, baseSpec } from './base-spec.js';
import { renderVegaLite } from './render-vega-lite.js';

/** Spike events: spike `k` is neuron `neurons[k]` firing at time `times[k]` (same length). */
export interface SpikeEvents {
  /** Spike times (in steps, or in the unit of the x label). */
  times: ArrayLike<number>;
  /** Index of the neuron of each spike (same length as `times`). */
  neurons: ArrayLike<number>;
}

/**
 * What {@link rasterPlot} draws: spike events, or a spike matrix whose row `t`
 * is time step `t` and whose entry `[t][i]` is non-zero when neuron `i` spiked
 * (the layout of a NIR or Norse spike recording, `[steps, neurons]`).
 */
export type RasterInput = SpikeEvents | ArrayLike<ArrayLike<number>>;

/** Options of {@link rasterPlot}. */
export interface RasterPlotOptions extends PlotOptions {
  /** Time of one row of a spike matrix (default 1: the x axis counts steps); unused for events. */
  dt?: number;
}

const FN = 'rasterPlot';

function isEvents(x: unknown): x is SpikeEvents {
  return typeof x === 'object' && x !== null && 'times' in x && 'neurons' in x;
}

/** The spikes of `input` as `{t, n}` rows, checked. */
function spikeRows(input: RasterInput, dt: number): { t: number; n: number }[] {
  const rows: { t: number; n: number }[] = [];
  if (isEvents(input)) {
    const times = checkNumbers(FN, 'spikes.times', input.times);
    const neurons = checkNumbers(FN, 'spikes.neurons', input.neurons);
    if (times.length !== neurons.length) {
      throw new PlotError(
        'spikes.neurons',
        `${FN}: spikes.times and spikes.neurons must have the same length, got ${times.length} and ${neurons.length}`,
        { code: 'ERR_SHAPE' },
      );
    }
    for (let k = 0; k < times.length; k++) {
      const n = neurons[k]!;
      if (!Number.isInteger(n) || n < 0)
        throw new PlotError('spikes.neurons', `${FN}: spikes.neurons[${k}] must be an integer >= 0, got ${n}`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      rows.push({ t: times[k]!, n });
    }
    return rows;
  }
  const m = checkRows(FN, 'spikes', input);
  for (let t = 0; t < m.length; t++) {
    const row = m[t]!;
    for (let i = 0; i < row.length; i++) if (row[i] !== 0) rows.push({ t: t * dt, n: i });
  }
  return rows;
}

/**
 * A spike raster: one vertical tick per spike at (time, neuron index). Neurons
 * run up the y axis from 0; the x axis is time (`times` as given, or row × `dt`).
 *
 * @returns the SVG document as a string.
 * @throws PlotError for malformed input: mismatched lengths or ragged rows
 *   (`ERR_SHAPE`), NaN/±Infinity (`ERR_NOT_FINITE`), negative or fractional neuron
 *   indices (`ERR_OUT_OF_RANGE`), bad options.
 *
 * @example
 * ```ts
 * import { rasterPlot } from '@neurite/plot';
 *
 * // Neuron 0 fires at steps 1 and 4, neuron 2 at step 3.
 * const svg = await rasterPlot({ times: [1, 3, 4], neurons: [0, 2, 0] }, { title: 'spikes', width: 300, height: 120 });
 * console.log(svg.startsWith('<svg'), svg.includes('spikes')); // true true
 * ```
 */
export async function rasterPlot(spikes: RasterInput, opts: RasterPlotOptions = {}): Promise<string> {
  const events = isEvents(spikes);
  const dt = opts?.dt === undefined ? 1 : checkPositive(FN, 'opts.dt', opts.dt);
  const o = resolvePlotOptions(FN, opts, { xLabel: events || opts?.dt !== undefined ? 'time' : 'time step', yLabel: 'neuron' });
  const rows = spikeRows(spikes, dt);
  if (o.xScale === 'log')
    checkLogPositive(
      FN,
      'spikes.times',
      rows.map((r) => r.t),
    );
  if (o.yScale === 'log')
    throw new PlotError('opts.yScale', `${FN}: the neuron axis cannot be logarithmic (neuron 0 has no logarithm)`, {
      code: 'ERR_UNSUPPORTED',
    });
  let maxNeuron = 0;
  for (const r of rows) if (r.n > maxNeuron) maxNeuron = r.n;
  // Tick height: 80% of one neuron's row, between 1 and 12 pixels.
  const size = Math.max(1, Math.min(12, (0.8 * o.height) / (maxNeuron + 1)));
  return renderVegaLite({
    ...baseSpec(o),
    data: { values: rows },
    mark: { type: 'tick', orient: 'vertical', thickness: 1, size, color: 'black', opacity: 1 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: o.xLabel, scale: { ...axisScale(o.xScale), padding: 4 } },
      y: {
        field: 'n',
        type: 'quantitative',
        title: o.yLabel,
        scale: { domain: [-0.5, maxNeuron + 0.5], nice: false, zero: false },
        axis: { tickMinStep: 1, format: 'd' },
      },
    },
  });
}
