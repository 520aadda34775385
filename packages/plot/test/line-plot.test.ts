import { describe, expect, it } from 'vitest';
import { linePlot } from '../src/index.js';
import { axisTitles, findAll, markItems, parseSvg, pathPoints, texts } from './svg-tree.js';
import { expectPlotError } from './errors.js';

describe('linePlot', () => {
  const measured = { name: 'measured', x: [1, 2, 3, 4], y: [0.9, 0.7, 0.4, 0.2] };
  const theory = { name: 'theory', x: [1, 2, 3, 4], y: [1, 0.75, 0.5, 0.25], dashed: true };

  it('draws one path per series with a legend entry each, the dashed one dashed', async () => {
    const svg = parseSvg(await linePlot({ series: [measured, theory] }, { xLabel: 'pairs k', yLabel: 'accuracy', title: 'Capacity' }));
    const lines = markItems(svg, 'line');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => pathPoints(l).length)).toEqual([4, 4]);
    expect(lines[0]!.attrs['stroke-dasharray']).toBe('1,0');
    expect(lines[1]!.attrs['stroke-dasharray']).toBe('6,3');
    expect(lines[0]!.attrs.stroke).not.toBe(lines[1]!.attrs.stroke);
    expect(axisTitles(svg)).toEqual(['pairs k', 'accuracy']);
    const legend = findAll(svg, (n) => n.name === 'g' && (n.attrs.class ?? '').includes('role-legend-label')).flatMap((g) =>
      g.children.map((t) => t.text),
    );
    expect(legend).toEqual(['measured', 'theory']);
    expect(texts(svg)).toContain('Capacity');
  });

  it('places vertices affinely in x and y (linear) and equally spaced for decades (log)', async () => {
    // vega writes line vertices rounded to 1e-3 px, so each coordinate is off by <= 5e-4 px;
    // a vertex predicted from the two end vertices combines three rounded values with
    // weights summing to <= 2 and is off by <= 1.5e-3 px: hence 2e-3.
    const TOL = 2e-3;
    const affine = (pts: [number, number][], xs: ArrayLike<number>, axis: 0 | 1) => {
      const n = xs.length - 1;
      for (let i = 1; i < n; i++) {
        const w = (xs[i]! - xs[0]!) / (xs[n]! - xs[0]!);
        expect(Math.abs(pts[i]![axis] - (pts[0]![axis] + w * (pts[n]![axis] - pts[0]![axis])))).toBeLessThanOrEqual(TOL);
      }
    };
    const [pts] = markItems(parseSvg(await linePlot({ series: [measured] })), 'line').map(pathPoints);
    affine(pts!, measured.x, 0);
    affine(pts!, measured.y, 1);
    expect(pts![3]![1]).toBeGreaterThan(pts![0]![1]); // smaller y is lower on the page
    const decades = { name: 'd', y: [1, 10, 100, 1000] };
    const [lp] = markItems(parseSvg(await linePlot({ series: [decades] }, { yScale: 'log' })), 'line').map(pathPoints);
    affine(lp!, decades.y.map(Math.log10), 1);
  });

  it('marks every point with points: true, and draws no legend for a single series', async () => {
    const svg = parseSvg(await linePlot({ series: [measured, { name: 'other', y: new Float32Array([1, 2]) }] }, { points: true }));
    expect(markItems(svg, 'symbol')).toHaveLength(6);
    const single = parseSvg(await linePlot({ series: [measured] }));
    expect(findAll(single, (n) => (n.attrs.class ?? '').includes('role-legend'))).toHaveLength(0);
    expect(axisTitles(single)).toEqual(['x', 'y']);
  });

  it('gives the same SVG text for the same input', async () => {
    const input = { series: [measured, theory] };
    expect(await linePlot(input)).toBe(await linePlot(input));
  });

  it('rejects malformed series with PlotError', async () => {
    await expectPlotError(linePlot({ series: [] }), 'ERR_INVALID_ARGUMENT', 'series');
    await expectPlotError(linePlot(null as never), 'ERR_INVALID_ARGUMENT', 'input');
    await expectPlotError(linePlot({ series: [measured, { ...theory, name: 'measured' }] }), 'ERR_INVALID_ARGUMENT', 'series[1].name');
    await expectPlotError(linePlot({ series: [{ name: 'a', x: [1, 2], y: [1, 2, 3] }] }), 'ERR_SHAPE', 'series[0].x');
    await expectPlotError(linePlot({ series: [measured, { name: 'b', y: [1, Infinity] }] }), 'ERR_NOT_FINITE', 'series[1].y');
    await expectPlotError(linePlot({ series: [{ name: 'b', y: ['1'] as never }] }), 'ERR_INVALID_ARGUMENT', 'series[0].y');
    await expectPlotError(linePlot({ series: [{ name: 'b', y: [1, 0] }] }, { yScale: 'log' }), 'ERR_OUT_OF_RANGE', 'series[0].y');
    await expectPlotError(linePlot({ series: [{ name: 'b', y: [1, 2] }] }, { xScale: 'log' }), 'ERR_OUT_OF_RANGE', 'series[0].x');
    await expectPlotError(linePlot({ series: [{ name: 7 as never, y: [1] }] }), 'ERR_INVALID_ARGUMENT', 'series[0].name');
  });
});
