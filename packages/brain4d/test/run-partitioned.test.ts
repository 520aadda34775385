/**
 * worker_threads partitions give the spikes of a single-thread run. The workers load the built
 * dist/partition-worker.js, so this test imports the built node entry (build first, as for readme.test.ts).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { example } from './helpers.js';

const dist = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'node.js')).href;

describe('runPartitioned', () => {
  for (const [file, ms, workers] of [
    ['cuba.json', 200, 2],
    ['stdp-song.json', 500, 3],
    ['izhikevich-2003.json', 300, 2],
  ] as const) {
    it(`${file}: ${workers} workers give the single-thread spikes`, async () => {
      const { runPartitioned } = (await import(dist)) as typeof import('../src/node.js');
      const net = example(file);
      net.monitors = { spikes: true };
      const one = new Simulator(net);
      one.run(ms);
      const par = await runPartitioned(net, ms, workers);
      const s = one.spikes();
      expect(s.ids.length).toBeGreaterThan(100);
      expect(par.ids).toEqual(s.ids);
      expect(par.steps).toEqual(s.steps);
      expect(par.rates).toEqual(one.rates());
    }, 60_000);
  }
});
