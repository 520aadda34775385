/**
 * worker_threads partitions give the spikes of a single-thread run. The workers load the built
 * dist/partition-worker.js, so this test imports the built node entry (build first, as for readme.test.ts).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulator, validateNetwork } from '../src/index.js';
import { exchangeEvery, MAX_BATCH } from '../src/run-partitioned.js';
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

  it('delays of 3 steps and more: the workers exchange every 3 steps and give the single-thread spikes (also when a run ends mid-window)', async () => {
    const { runPartitioned } = (await import(dist)) as typeof import('../src/node.js');
    const net = example('cuba.json');
    net.projections[0].delay = { dist: 'uniform', low: 3, high: 9 };
    net.projections[1].delay = 3;
    net.projections[2].delay = { dist: 'normal', mean: 6, std: 2, low: 3.4 };
    net.projections[3].delay = 5;
    net.monitors = { spikes: true, rates: { bin: 10 } };
    // 2000 steps plus 2: the last window holds 2 steps of the 3.
    const ms = 200.2;
    const one = new Simulator(net);
    const r1 = one.run(ms);
    for (const workers of [2, 3]) {
      const par = await runPartitioned(net, ms, workers);
      expect(par.every).toBe(3);
      const s = one.spikes();
      expect(s.ids.length).toBeGreaterThan(100);
      expect(par.ids).toEqual(s.ids);
      expect(par.steps).toEqual(s.steps);
      expect(par.spikes).toBe(r1.spikes);
      expect(par.rates).toEqual(one.rates());
    }
    const perStep = await runPartitioned(net, ms, 2, { batch: false });
    expect(perStep.every).toBe(1);
    expect(perStep.ids).toEqual(one.spikes().ids);
  }, 60_000);

  it('a window longer than the smallest delay is refused', () => {
    const net = example('cuba.json');
    for (const p of net.projections) p.delay = 2;
    const exchange = (l: Int32Array, n: number, out: Int32Array) => (out.set(l.subarray(0, n)), n);
    expect(() => new Simulator(net, { partition: { lo: 0, hi: 4000, exchange, every: 3 } })).toThrow(/smallest delay \(2 steps\)/);
    expect(() => new Simulator(net, { partition: { lo: 0, hi: 4000, exchange, every: 2 } })).not.toThrow();
  });

  it('exchangeEvery: the smallest delay the description guarantees, 1 with STDP, at most MAX_BATCH', () => {
    const net = example('cuba.json');
    expect(exchangeEvery(validateNetwork(net))).toBe(1);
    for (const p of net.projections) p.delay = 40;
    expect(exchangeEvery(validateNetwork(net))).toBe(MAX_BATCH);
    net.projections[1].delay = { dist: 'uniform', low: 3.4, high: 9 };
    expect(exchangeEvery(validateNetwork(net))).toBe(3);
    net.projections[2].delay = { dist: 'normal', mean: 20, std: 5 };
    expect(exchangeEvery(validateNetwork(net))).toBe(1);
    expect(exchangeEvery(validateNetwork(example('stdp-song.json')))).toBe(1);
  });
});
