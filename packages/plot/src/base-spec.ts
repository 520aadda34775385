import type { ResolvedPlotOptions } from './plot-options.js';
import type { VegaLiteSpec } from './render-vega-lite.js';

/** The top-level spec fields every plot shares: size, title, white background, no data-dependent ids. */
export function baseSpec(o: ResolvedPlotOptions): VegaLiteSpec {
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: o.width,
    height: o.height,
    background: 'white',
    config: { font: 'sans-serif' },
  };
  if (o.title !== undefined) spec.title = o.title;
  return spec;
}

/** Vega-Lite `scale` of an axis: `{type: 'log'}` or a linear scale that does not force zero in. */
export function axisScale(type: 'linear' | 'log', zero = false): Record<string, unknown> {
  return type === 'log' ? { type: 'log' } : { type: 'linear', zero };
}
