import type { ProfileReport } from '@neurite/tensor';

/** Options of {@link profileTimelineSvg}. */
export interface ProfileTimelineOptions {
  /** Title above the timeline (default: none). */
  title?: string;
  /** Width of the plots in pixels (default 640). */
  width?: number;
}

/**
 * A profiling report (`@neurite/tensor`'s `ProfileReport`) as an SVG timeline, drawn with
 * `@neurite/plot` (Vega-Lite): on top, each region as a bar from its start to its end on a
 * row of its own name (darker = deeper nesting); below, on the same time axis (ms since the
 * session began), the memory curves in MB: tensor bytes held by tfjs, and in Node the JS heap
 * used and the ArrayBuffer bytes. The timeline lives here rather than in @neurite/tensor
 * because @neurite/plot depends on @neurite/tensor, not the other way round.
 */
export async function profileTimelineSvg(report: ProfileReport, opts: ProfileTimelineOptions = {}): Promise<string> {
  const { renderVegaLite } = await import('@neurite/plot');
  const width = opts.width ?? 640;
  const regions = report.regions.map((r) => ({ name: r.name, start: r.start, end: r.start + r.wallMs, depth: r.depth, ms: r.wallMs }));
  const memory: Array<{ t: number; MB: number; series: string }> = [];
  for (const s of report.samples) {
    memory.push({ t: s.t, MB: s.tensorBytes / 1e6, series: 'tensors' });
    if (s.heapUsed !== null) memory.push({ t: s.t, MB: s.heapUsed / 1e6, series: 'JS heap used' });
    if (s.arrayBuffers !== null) memory.push({ t: s.t, MB: s.arrayBuffers / 1e6, series: 'array buffers' });
  }
  const x = { field: 't', type: 'quantitative', title: 'time (ms)', scale: { domain: [0, Math.max(report.wallMs, 1e-3)] } };
  const memoryPlot = {
    width,
    height: 160,
    data: { values: memory },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x,
      y: { field: 'MB', type: 'quantitative', title: 'memory (MB)' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
  const names = [...new Set(regions.map((r) => r.name))];
  const regionPlot = {
    width,
    height: Math.max(40, 18 * names.length),
    data: { values: regions },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { ...x, field: 'start' },
      x2: { field: 'end' },
      y: { field: 'name', type: 'nominal', title: 'region', sort: names },
      opacity: { field: 'depth', type: 'ordinal', title: 'depth', scale: { range: [0.5, 1] } },
    },
  };
  return renderVegaLite({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title ?? `profile (${report.wallMs.toFixed(1)} ms, backend ${report.backend || 'none'})`,
    vconcat: regions.length > 0 ? [regionPlot, memoryPlot] : [memoryPlot],
    resolve: { scale: { x: 'shared' } },
  });
}
