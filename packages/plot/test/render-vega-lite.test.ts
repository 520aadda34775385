import { describe, expect, it } from 'vitest';
import { renderVegaLite } from '../src/index.js';
import { markItems, parseSvg } from './svg-tree.js';

describe('renderVegaLite', () => {
  const spec = {
    data: {
      values: [
        { a: 'x', b: 1 },
        { a: 'y', b: 3 },
      ],
    },
    mark: 'bar',
    encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, color: { field: 'b', type: 'quantitative' } },
  };

  it('renders any Vega-Lite spec to well-formed SVG', async () => {
    const svg = parseSvg(await renderVegaLite(spec));
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(markItems(svg, 'rect')).toHaveLength(2);
  });

  it('gives identical text for concurrent and later renders (gradient ids do not leak between renders)', async () => {
    const concurrent = await Promise.all([renderVegaLite(spec), renderVegaLite(spec), renderVegaLite(spec)]);
    expect(concurrent[0]).toContain('gradient_0'); // the colour legend's gradient
    expect(new Set([...concurrent, await renderVegaLite(spec)]).size).toBe(1);
  });

  it('rejects a spec vega-lite cannot compile, and keeps working afterwards', async () => {
    await expect(renderVegaLite({ mark: 'nonsense' })).rejects.toThrow();
    expect(await renderVegaLite(spec)).toContain('<svg');
  });
});
