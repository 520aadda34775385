import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import {
  decodeNirData,
  encodeNirData,
  eventsToGridded,
  griddedToEvents,
  NirError,
  readNirData,
  timeGridded,
  writeNirData,
} from '../src/node.js';
import type { EventData, NirGraphData, Observable, TimeGriddedData } from '../src/node.js';
import { FIXTURES, loadJson } from './helpers.js';

const DIR = path.join(FIXTURES, 'nir-data');

/** The description gen_nir_data.py prints for what Python's read_data returns (bool grids as 'bool'). */
function describeObs(o: Observable): Record<string, unknown> {
  if (o.type === 'TimeGriddedData')
    return { type: o.type, dtype: o.boolean ? 'bool' : o.data.dtype, shape: o.data.shape, data: Array.from(o.data.data), dt: o.dt };
  const d: Record<string, unknown> = {
    type: o.type,
    idx_dtype: o.idx.dtype,
    time_dtype: o.time.dtype,
    shape: o.idx.shape,
    idx: Array.from(o.idx.data),
    time: Array.from(o.time.data, (t) => (Number.isFinite(t) ? t : 'inf')),
    n_neurons: o.nNeurons,
    t_max: o.tMax,
  };
  if (o.value) d.value = Array.from(o.value.data);
  return d;
}
function describe_(g: NirGraphData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(g.nodes).sort()) {
    const n = g.nodes[k];
    out[k] =
      n.type === 'NIRGraphData'
        ? { type: n.type, nodes: describe_(n) }
        : {
            type: n.type,
            observables: Object.fromEntries(
              Object.keys(n.observables)
                .sort()
                .map((o) => [o, describeObs(n.observables[o])]),
            ),
          };
  }
  return out;
}

describe('NIR data (nir.read_data / write_data layout of NIR main)', () => {
  let py: NirGraphData;
  beforeAll(async () => {
    py = await decodeNirData(new Uint8Array(fs.readFileSync(path.join(DIR, 'python_data.h5'))), { file: 'python_data.h5' });
  });

  it('reads the file Python wrote to exactly what Python reads (gridded bool and float32, events with -1 / inf padding, valued events)', () => {
    expect(describe_(py)).toEqual(loadJson(path.join(DIR, 'python_data.json')));
  });

  it('round-trips through our encoder (bool grids come back boolean)', async () => {
    const back = await decodeNirData(await encodeNirData(py));
    expect(describe_(back)).toEqual(describe_(py));
  });

  it("Python's read_data reads the file our encoder wrote (neurite_data.h5, described by gen_nir_data.py)", async () => {
    const ours = await decodeNirData(new Uint8Array(fs.readFileSync(path.join(DIR, 'neurite_data.h5'))));
    const desc = loadJson(path.join(DIR, 'neurite_data.json')) as Record<string, { observables: Record<string, { dtype?: string }> }>;
    // what Python saw, with the one known difference: a boolean grid arrives as uint8 0 / 1
    expect(desc.lif.observables.spikes.dtype).toBe('uint8');
    desc.lif.observables.spikes.dtype = 'bool';
    expect(describe_(ours)).toEqual(desc);
    expect(describe_(ours)).toEqual(describe_(py));
  });

  it("grid ↔ events as nir's to_event / to_time_gridded compute them", () => {
    const conv = loadJson(path.join(DIR, 'python_conversions.json')) as Record<string, unknown>;
    const lif = py.nodes.lif;
    const inp = py.nodes.input;
    const readout = py.nodes.readout;
    if (lif.type !== 'NIRNodeData' || inp.type !== 'NIRNodeData' || readout.type !== 'NIRNodeData') throw new Error('fixture layout');
    expect(describeObs(griddedToEvents(lif.observables.spikes as TimeGriddedData, 8, 2.5e-4))).toEqual(conv.to_event);
    const g = eventsToGridded(inp.observables.events as EventData, 1e-3);
    expect({ ...describeObs(g), dtype: 'bool' }).toEqual(conv.to_time_gridded);
    expect(describeObs(eventsToGridded(readout.observables.valued as EventData, 1e-3))).toEqual(conv.valued_to_time_gridded);
  });

  it('refuses bad data with a NirError: not NIR data, events out of range, an event past the grid', async () => {
    await expect(
      decodeNirData(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'paper/lif_norse.nir'))), { file: 'x.h5' }),
    ).rejects.toThrow(/^x\.h5: .*not NIR data/);
    const e = (py.nodes.input as { observables: Record<string, EventData> }).observables.events;
    const bad = { ...e, idx: { ...e.idx, data: e.idx.data.map((v, k) => (k === 0 ? 7 : v)) } };
    await expect(encodeNirData({ type: 'NIRGraphData', nodes: { a: { type: 'NIRNodeData', observables: { e: bad } } } })).rejects.toThrow(
      NirError,
    );
    expect(() => eventsToGridded({ ...e, tMax: 1e-3 }, 1e-3)).toThrow(/past the grid/);
  });

  it("the README's example: grid -> events -> grid, written and read back", async () => {
    const spikes = timeGridded(Float32Array.from([0, 1, 0, 0, 1, 1]), [1, 3, 2], 1e-3, { boolean: true });
    const events = griddedToEvents(spikes, 4);
    expect(Array.from(events.idx.data)).toEqual([1, 0, 1, -1]);
    expect(Array.from(events.time.data)).toEqual([0, 2e-3, 2e-3, Infinity]);
    const back = eventsToGridded(events, 1e-3);
    expect(Array.from(back.data.data)).toEqual([0, 1, 0, 0, 1, 1]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-data-'));
    const f = path.join(dir, 'data.h5');
    await writeNirData(f, { type: 'NIRGraphData', nodes: { input: { type: 'NIRNodeData', observables: { spikes, events } } } });
    const data = await readNirData(f);
    expect(describe_(data)).toEqual(
      describe_({ type: 'NIRGraphData', nodes: { input: { type: 'NIRNodeData', observables: { spikes, events } } } }),
    );
    fs.rmSync(dir, { recursive: true });
  });
});
