/**
 * The plots that test/browser.test.ts draws in Node and in headless Chromium,
 * from the same fixed inputs (no randomness), as SVG strings.
 */
import { heatmap, histogram, linePlot, rasterPlot } from '../../src/index.js';

export type ScenarioResult = Record<'raster' | 'line' | 'histogram' | 'heatmap', string>;

export async function runScenario(): Promise<ScenarioResult> {
  const times = Array.from({ length: 40 }, (_, i) => (i * 7) % 23);
  const neurons = Array.from({ length: 40 }, (_, i) => (i * 5) % 9);
  const x = Array.from({ length: 30 }, (_, i) => i + 1);
  return {
    raster: await rasterPlot({ times, neurons }, { title: 'raster', xLabel: 'time (ms)' }),
    line: await linePlot(
      {
        series: [
          { name: 'measured', x, y: x.map((v) => 1 / Math.sqrt(v + 1) + 0.01 * Math.sin(v)) },
          { name: 'theory', x, y: x.map((v) => 1 / Math.sqrt(v + 1)), dashed: true },
        ],
      },
      { xScale: 'log', points: true, xLabel: 'k', yLabel: 'cosine' },
    ),
    histogram: await histogram(
      x.map((v) => (v * 37) % 11),
      { bins: 5, xLabel: 'value' },
    ),
    heatmap: await heatmap({ data: Float32Array.from({ length: 48 }, (_, i) => (i * 13) % 17), rows: 6, cols: 8 }, { colorLabel: 'w' }),
  };
}
