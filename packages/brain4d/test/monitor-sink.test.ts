import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { createMonitorFiles, readSpikeFile } from '../src/node.js';
import { example } from './helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'brain4d-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('monitors streamed to files', () => {
  it('write exactly the spikes and samples a run keeps in memory, in chunks, holding none at the end', async () => {
    const net = example('cuba.json');
    net.monitors = { spikes: true, state: [{ population: 'inh', variable: 'v', neurons: [0, 5, 799], every: 7 }] };
    const mem = new Simulator(net);
    mem.run(150);
    mem.run(100);
    const files = createMonitorFiles(dir, mem.spec);
    const streamed = new Simulator(net, { sink: files, flushEvery: 333 });
    streamed.run(150);
    streamed.run(100);
    const written = await files.close();
    expect(written.map((f) => path.basename(f)).sort()).toEqual(['monitors.json', 'spikes.bin', 'state-0.bin']);
    // Nothing left in memory after the runs.
    expect(streamed.spikes().ids.length).toBe(0);
    const s = await readSpikeFile(path.join(dir, 'spikes.bin'));
    expect(s.ids.length).toBeGreaterThan(500);
    expect(s.steps).toEqual(mem.spikes().steps);
    expect(s.ids).toEqual(mem.spikes().ids);
    const trace = mem.stateTrace(0);
    const rec = new Float64Array(readFileSync(path.join(dir, 'state-0.bin')).buffer.slice(0));
    expect(rec.length).toBe(trace.times.length * 4);
    for (let k = 0; k < trace.times.length; k++) {
      expect(rec[4 * k] * 0.1).toBeCloseTo(trace.times[k], 9);
      expect(Array.from(rec.subarray(4 * k + 1, 4 * k + 4))).toEqual(Array.from(trace.values[k]));
    }
    const index = JSON.parse(readFileSync(path.join(dir, 'monitors.json'), 'utf8'));
    expect(index.format).toBe('neurite-brain4d-monitors/1');
    expect(index.spikes.records).toBe(s.ids.length);
    expect(index.state[0].records).toBe(trace.times.length);
  });
});
