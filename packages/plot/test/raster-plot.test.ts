import { describe, expect, it } from 'vitest';
import { rasterPlot } from '../src/index.js';
import { axisTitles, markItems, parseSvg, rectBox, texts } from './svg-tree.js';
import { expectPlotError } from './errors.js';

describe('rasterPlot', () => {
  const events = { times: [1, 2, 3, 5, 5.5], neurons: [0, 1, 2, 0, 3] };

  it('draws one tick per spike event, at x affine in time and y ordered by neuron', async () => {
    const svg = parseSvg(await rasterPlot(events, { title: 'Spikes', xLabel: 'time (ms)' }));
    expect(svg.name).toBe('svg');
    const ticks = markItems(svg, 'rect');
    expect(ticks).toHaveLength(5);
    const boxes = ticks.map(rectBox);
    // x centre = a + b·t for one a, b: check the slope between every pair against the first
    // (vega writes coordinates with ~16 significant digits; 1e-9 px is far above that).
    const cx = boxes.map(([x, , w]) => x + w / 2);
    const slope = (cx[1]! - cx[0]!) / (events.times[1]! - events.times[0]!);
    expect(slope).toBeGreaterThan(0);
    for (let k = 2; k < 5; k++) expect((cx[k]! - cx[0]!) / (events.times[k]! - events.times[0]!)).toBeCloseTo(slope, 9);
    // Neuron 0 lowest on the page (largest SVG y), neuron 3 highest; equal neurons share a row.
    const cy = boxes.map(([, y, , h]) => y + h / 2);
    expect(cy[0]).toBeCloseTo(cy[3]!, 9);
    expect(cy[0]!).toBeGreaterThan(cy[1]!);
    expect(cy[1]!).toBeGreaterThan(cy[2]!);
    expect(cy[2]!).toBeGreaterThan(cy[4]!);
    expect(axisTitles(svg)).toEqual(['time (ms)', 'neuron']);
    expect(texts(svg)).toContain('Spikes');
  });

  it('reads a [steps, neurons] spike matrix: one tick per non-zero entry, x in steps × dt', async () => {
    const m = [
      [0, 1, 0],
      [1, 0, 1],
      [0, 0, 0],
      [0, 1, 1],
    ];
    const svg = parseSvg(await rasterPlot(m));
    expect(markItems(svg, 'rect')).toHaveLength(5);
    expect(axisTitles(svg)).toEqual(['time step', 'neuron']);
    // The same spikes as events at t = step·dt give the same picture.
    const asEvents = { times: [0, 0.5, 0.5, 1.5, 1.5], neurons: [1, 0, 2, 1, 2] };
    expect(await rasterPlot(m, { dt: 0.5, xLabel: 't' })).toBe(await rasterPlot(asEvents, { xLabel: 't' }));
    expect(markItems(parseSvg(await rasterPlot(new Array(3).fill(new Uint8Array(4)))), 'rect')).toHaveLength(0);
  });

  it('gives the same SVG text for the same input', async () => {
    const [a, b] = await Promise.all([rasterPlot(events), rasterPlot(events)]);
    expect(a).toBe(b);
    expect(await rasterPlot(events)).toBe(a);
  });

  it('rejects malformed spikes and options with PlotError', async () => {
    await expectPlotError(rasterPlot({ times: [1, 2], neurons: [0] }), 'ERR_SHAPE', 'spikes.neurons');
    await expectPlotError(rasterPlot({ times: [1, NaN], neurons: [0, 1] }), 'ERR_NOT_FINITE', 'spikes.times');
    await expectPlotError(rasterPlot({ times: [1], neurons: [-1] }), 'ERR_OUT_OF_RANGE', 'spikes.neurons');
    await expectPlotError(rasterPlot({ times: [1], neurons: [0.5] }), 'ERR_OUT_OF_RANGE', 'spikes.neurons');
    await expectPlotError(rasterPlot([[0, 1], [1]]), 'ERR_SHAPE', 'spikes[1]');
    await expectPlotError(rasterPlot(42 as never), 'ERR_INVALID_ARGUMENT', 'spikes');
    await expectPlotError(rasterPlot(events, { width: 5 }), 'ERR_OUT_OF_RANGE', 'opts.width');
    await expectPlotError(rasterPlot(events, { height: 1.5 }), 'ERR_INVALID_ARGUMENT', 'opts.height');
    await expectPlotError(rasterPlot(events, { dt: 0 }), 'ERR_OUT_OF_RANGE', 'opts.dt');
    await expectPlotError(rasterPlot(events, { yScale: 'log' }), 'ERR_UNSUPPORTED', 'opts.yScale');
    await expectPlotError(rasterPlot({ times: [0, 1], neurons: [0, 1] }, { xScale: 'log' }), 'ERR_OUT_OF_RANGE', 'spikes.times');
    await expectPlotError(rasterPlot(events, { xScale: 'ln' as never }), 'ERR_INVALID_ARGUMENT', 'opts.xScale');
    await expectPlotError(rasterPlot(events, { title: 3 as never }), 'ERR_INVALID_ARGUMENT', 'opts.title');
  });
});
