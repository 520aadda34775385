/**
 * The browser side of test/browser.test.ts: @neurite/datasets bundled as a user's
 * esbuild would (the mnist package's JSON included). `globalThis.__datasets.run()`
 * loads MNIST in the page and returns a summary to compare with Node's.
 */
import { loadMnist } from '../../src/index.js';
import { summarize, type MnistSummary } from './summary.js';

export interface DatasetsPageApi {
  run(): Promise<MnistSummary | { error: string }>;
}

const api: DatasetsPageApi = {
  async run() {
    try {
      return summarize(await loadMnist());
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  },
};

(globalThis as unknown as { __datasets: DatasetsPageApi }).__datasets = api;
