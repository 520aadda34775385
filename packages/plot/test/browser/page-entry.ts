/**
 * The browser side of test/browser.test.ts, bundled as a user's esbuild would
 * bundle an app that imports @neurite/plot (vega and vega-lite included). It
 * exposes `globalThis.__plot.run()`.
 */
import { runScenario, type ScenarioResult } from './scenario.js';

export interface PlotPageApi {
  run(): Promise<ScenarioResult | { error: string }>;
}

const api: PlotPageApi = {
  async run() {
    try {
      return await runScenario();
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  },
};

(globalThis as unknown as { __plot: PlotPageApi }).__plot = api;
