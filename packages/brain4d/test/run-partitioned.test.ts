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

  it('3 workers on a 4D lattice with per-synapse delays and constant weights (own spikes delivered while waiting) give the single-thread spikes', async () => {
    const { runPartitioned } = (await import(dist)) as typeof import('../src/node.js');
    const params = { tau_m: 20, E_L: -49, v_reset: -60, v_th: -50, t_ref: 5, tau_syn_ex: 5, tau_syn_in: 10 };
    const init = { v: { dist: 'uniform', low: -60, high: -50 } };
    const rule = { type: 'distance', kernel: 'gaussian', p0: 0.5, scale: [2, 2, 2, 1] };
    const net = {
      dt: 0.1,
      seed: 3,
      lattice: [8, 8, 2, 3],
      populations: {
        exc: { size: [8, 8, 2, 2], model: 'lif', params, init },
        inh: { origin: [0, 0, 0, 2], size: [8, 8, 2, 1], model: 'lif', params, init },
      },
      projections: [
        { source: 'exc', target: 'exc', rule, weight: 0.5, receptor: 'exc', delay: { dist: 'uniform', low: 1, high: 6 } },
        { source: 'exc', target: 'inh', rule, weight: 0.5, receptor: 'exc' },
        { source: 'inh', target: 'exc', rule, weight: -3, receptor: 'inh', delay: 2 },
        { source: 'inh', target: 'inh', rule, weight: -3, receptor: 'inh', delay: 3 },
      ],
      monitors: { spikes: true },
    };
    const one = new Simulator(net);
    one.run(200);
    const par = await runPartitioned(net, 200, 3);
    const s = one.spikes();
    expect(s.ids.length).toBeGreaterThan(100);
    expect(par.ids).toEqual(s.ids);
    expect(par.steps).toEqual(s.steps);
    expect(par.engines).toEqual([one.engine, one.engine, one.engine]);
  }, 60_000);
});
