import { describe, expect, it } from 'vitest';
import { heatmap } from '../src/index.js';
import { axisTitles, markItems, parseSvg, rectBox, texts } from './svg-tree.js';
import { expectPlotError } from './errors.js';

describe('heatmap', () => {
  const m = [
    [0, 1, 2],
    [3, 4, 5],
  ];

  it('draws one cell per entry in a grid, row 0 on top, equal values in equal colours', async () => {
    const svg = parseSvg(await heatmap(m, { colorLabel: 'weight', xLabel: 'post', yLabel: 'pre' }));
    const cells = markItems(svg, 'rect');
    expect(cells).toHaveLength(6);
    const boxes = cells.map(rectBox);
    const xs = [...new Set(boxes.map((b) => b[0].toFixed(6)))];
    const ys = [...new Set(boxes.map((b) => b[1].toFixed(6)))];
    expect([xs.length, ys.length]).toEqual([3, 2]);
    // Cells come in row-major order: cell (0, c) lies above cell (1, c).
    expect(boxes[0]![1]).toBeLessThan(boxes[3]![1]);
    expect(boxes[0]![0]).toBeLessThan(boxes[1]![0]);
    const fills = cells.map((c) => c.attrs.fill);
    expect(new Set(fills).size).toBe(6);
    const same = markItems(
      parseSvg(
        await heatmap([
          [1, 1],
          [2, 1],
        ]),
      ),
      'rect',
    ).map((c) => c.attrs.fill);
    expect([same[0] === same[1], same[0] === same[3], same[0] === same[2]]).toEqual([true, true, false]);
    expect(axisTitles(svg)).toEqual(['post', 'pre']);
    expect(texts(svg)).toContain('weight');
  });

  it('draws a flat row-major matrix exactly as the same nested matrix', async () => {
    const flat = { data: Float32Array.from([0, 1, 2, 3, 4, 5]), rows: 2, cols: 3 };
    expect(await heatmap(flat)).toBe(await heatmap(m));
    const digit = { data: new Float32Array(28 * 28).map((_, i) => (i % 7) / 6), rows: 28, cols: 28 };
    expect(markItems(parseSvg(await heatmap(digit, { scheme: 'greys' })), 'rect')).toHaveLength(784);
  });

  it('rejects malformed matrices with PlotError', async () => {
    await expectPlotError(heatmap([[1, 2], [3]]), 'ERR_SHAPE', 'matrix[1]');
    await expectPlotError(heatmap([]), 'ERR_SHAPE', 'matrix');
    await expectPlotError(heatmap({ data: [1, 2, 3], rows: 2, cols: 2 }), 'ERR_SHAPE', 'matrix.data');
    await expectPlotError(heatmap({ data: [1, 2], rows: 0, cols: 2 }), 'ERR_OUT_OF_RANGE', 'matrix.rows');
    await expectPlotError(heatmap([[1, NaN]]), 'ERR_NOT_FINITE', 'matrix[0]');
    await expectPlotError(heatmap(m, { scheme: 3 as never }), 'ERR_INVALID_ARGUMENT', 'opts.scheme');
  });
});
