import type { NirArray } from './types.js';
import { NirError } from './nir-error.js';
import { nirArray, numel } from './nir-array.js';

/**
 * Time-gridded data of NIR's data format (`nir.TimeGriddedData`, NIR main branch after 1.0.7):
 * `data` of shape `[samples, steps, neurons]` on a grid of `dt` seconds. `boolean`: binary events
 * (numpy `bool` in Python; 0 / 1 here), else a measured value such as a membrane voltage.
 */
export interface TimeGriddedData {
  /** Type tag (`nir.TimeGriddedData`). */
  type: 'TimeGriddedData';
  /** The values, shape `[samples, steps, neurons]`. */
  data: NirArray;
  /** Time step of the grid, in seconds. */
  dt: number;
  /** Whether `data` holds binary events (0 / 1) rather than measured values. */
  boolean: boolean;
}

/**
 * Event data (`nir.EventData`): per sample, up to `[samples, events]` event neuron indices `idx`
 * (int64, `-1` where there is no event) and times `time` in seconds (float64, `+inf` where there is
 * none), over `nNeurons` neurons and a recording of `tMax` seconds. `value` (float) makes it
 * `nir.ValuedEventData`.
 */
export interface EventData {
  /** Type tag: `'ValuedEventData'` when `value` is present. */
  type: 'EventData' | 'ValuedEventData';
  /** Neuron index of each event, `[samples, events]` (int64, −1 where there is none). */
  idx: NirArray;
  /** Time of each event in seconds, `[samples, events]` (+inf where there is none). */
  time: NirArray;
  /** Value of each event, `[samples, events]` (ValuedEventData only). */
  value?: NirArray;
  /** Number of neurons the indices range over. */
  nNeurons: number;
  /** Duration of the recording, in seconds. */
  tMax: number;
}

/** What one observable of a node holds: time-gridded values or events. */
export type Observable = TimeGriddedData | EventData;

/** The observables of one node (`nir.NIRNodeData`), by name (e.g. `spikes`, `v`). */
export interface NirNodeData {
  /** Type tag (`nir.NIRNodeData`). */
  type: 'NIRNodeData';
  /** The node's observables by name (e.g. `spikes`, `v`). */
  observables: Record<string, Observable>;
}

/** Data of a graph (`nir.NIRGraphData`): node data or nested graph data, by node name. */
export interface NirGraphData {
  /** Type tag (`nir.NIRGraphData`). */
  type: 'NIRGraphData';
  /** Node data, or nested graph data, by node name. */
  nodes: Record<string, NirNodeData | NirGraphData>;
}

const fail = (reason: string, field?: string, code: 'ERR_SHAPE' | 'ERR_OUT_OF_RANGE' | 'ERR_INVALID_ARGUMENT' = 'ERR_INVALID_ARGUMENT') =>
  new NirError(reason, { field, code });

/** Time-gridded data from row-major values `[samples, steps, neurons]`; `boolean` for 0 / 1 events. */
export function timeGridded(
  data: ArrayLike<number> | NirArray,
  shape: readonly [number, number, number] | null,
  dt: number,
  opts: { boolean?: boolean } = {},
): TimeGriddedData {
  const arr = isArr(data) ? data : nirArray(data, shape ?? [1, data.length, 1], data instanceof Float32Array ? 'float32' : 'float64');
  if (arr.shape.length !== 3)
    throw fail(`data must be [samples, steps, neurons], got shape [${arr.shape.join(', ')}]`, 'data', 'ERR_SHAPE');
  if (!(dt > 0) || !Number.isFinite(dt)) throw fail(`dt must be a finite number > 0, got ${dt}`, 'dt', 'ERR_OUT_OF_RANGE');
  const boolean = opts.boolean ?? false;
  if (boolean)
    for (const v of arr.data) if (v !== 0 && v !== 1) throw fail(`boolean data must be 0 or 1, got ${v}`, 'data', 'ERR_OUT_OF_RANGE');
  return { type: 'TimeGriddedData', data: arr, dt, boolean };
}

function isArr(x: unknown): x is NirArray {
  return typeof x === 'object' && x !== null && 'shape' in x && 'dtype' in x && 'data' in x;
}

/** Checks the invariants of event data (equal shapes, -1 / +inf padding, indices < nNeurons, times in [0, tMax)). */
export function checkEventData(e: EventData): EventData {
  const s = e.idx.shape;
  if (s.length !== 2) throw fail(`idx must be [samples, events], got [${s.join(', ')}]`, 'idx', 'ERR_SHAPE');
  for (const [k, a] of [
    ['time', e.time],
    ['value', e.value],
  ] as const) {
    if (a !== undefined && (a.shape.length !== 2 || a.shape[0] !== s[0] || a.shape[1] !== s[1]))
      throw fail(`${k} has shape [${a.shape.join(', ')}], idx [${s.join(', ')}]`, k, 'ERR_SHAPE');
  }
  if (!Number.isSafeInteger(e.nNeurons) || e.nNeurons < 0)
    throw fail(`n_neurons must be an integer >= 0, got ${e.nNeurons}`, 'n_neurons', 'ERR_OUT_OF_RANGE');
  if (!(e.tMax >= 0) || !Number.isFinite(e.tMax)) throw fail(`t_max must be finite and >= 0, got ${e.tMax}`, 't_max', 'ERR_OUT_OF_RANGE');
  for (let k = 0; k < e.idx.data.length; k++) {
    const i = e.idx.data[k];
    const t = e.time.data[k];
    if (i === -1) continue;
    if (!Number.isInteger(i) || i < 0 || i >= e.nNeurons)
      throw fail(`event index ${i} outside [0, ${e.nNeurons}) (or -1 for none)`, 'idx', 'ERR_OUT_OF_RANGE');
    if (!(t >= 0)) throw fail(`event time ${t} of neuron ${i} is negative or NaN`, 'time', 'ERR_OUT_OF_RANGE');
  }
  return e;
}

/**
 * Binary time-gridded data to events, as `TimeGriddedData.to_event(n_events, time_shift)` of NIR:
 * per sample the first `nEvents` events by time step (ties by neuron index), at time
 * `step · dt + timeShift` (`timeShift` in [0, dt)); unused slots are `-1` / `+inf`.
 */
export function griddedToEvents(g: TimeGriddedData, nEvents: number, timeShift = 0): EventData {
  if (!g.boolean) throw fail('data must be boolean (binary events) to convert to event data', 'data');
  if (!Number.isSafeInteger(nEvents) || nEvents < 0)
    throw fail(`nEvents must be an integer >= 0, got ${nEvents}`, 'nEvents', 'ERR_OUT_OF_RANGE');
  if (!(timeShift >= 0 && timeShift < g.dt)) throw fail('timeShift must be in [0, dt)', 'timeShift', 'ERR_OUT_OF_RANGE');
  const [S, T, N] = g.data.shape;
  if (S * nEvents > 2 ** 28) throw fail(`${S} × ${nEvents} events is too many`, 'nEvents', 'ERR_OUT_OF_RANGE');
  const idx = new Float64Array(S * nEvents).fill(-1);
  const time = new Float64Array(S * nEvents).fill(Infinity);
  for (let s = 0; s < S; s++) {
    let k = 0;
    for (let t = 0; t < T && k < nEvents; t++) {
      for (let n = 0; n < N && k < nEvents; n++) {
        if (g.data.data[(s * T + t) * N + n] !== 0) {
          idx[s * nEvents + k] = n;
          time[s * nEvents + k] = t * g.dt + timeShift;
          k++;
        }
      }
    }
  }
  return {
    type: 'EventData',
    idx: { shape: [S, nEvents], dtype: 'int64', data: idx },
    time: { shape: [S, nEvents], dtype: 'float64', data: time },
    nNeurons: N,
    tMax: T * g.dt,
  };
}

/**
 * Events to time-gridded data, as `EventData.to_time_gridded(dt)` of NIR: `trunc(tMax / dt)` steps,
 * an event at time t lands in step `floor(t / dt)`; valued events put their value there (the last one
 * wins when two share a step), plain events a 1 (`boolean` data). An event past the grid is an error.
 */
export function eventsToGridded(e: EventData, dt: number): TimeGriddedData {
  checkEventData(e);
  if (!(dt > 0) || !Number.isFinite(dt)) throw fail(`dt must be a finite number > 0, got ${dt}`, 'dt', 'ERR_OUT_OF_RANGE');
  const [S, E] = e.idx.shape;
  const T = Math.trunc(e.tMax / dt);
  const N = e.nNeurons;
  if (numel([S, T, N]) > 2 ** 28) throw fail(`a grid of [${S}, ${T}, ${N}] is too large`, 'dt', 'ERR_OUT_OF_RANGE');
  const valued = e.type === 'ValuedEventData';
  const out = new Float64Array(S * T * N);
  for (let s = 0; s < S; s++) {
    for (let k = 0; k < E; k++) {
      const i = e.idx.data[s * E + k];
      if (i === -1) continue;
      const step = Math.floor(e.time.data[s * E + k] / dt);
      if (step >= T)
        throw fail(`event at ${e.time.data[s * E + k]} s is past the grid of ${T} steps of ${dt} s`, 'time', 'ERR_OUT_OF_RANGE');
      out[(s * T + step) * N + i] = valued ? e.value!.data[s * E + k] : 1;
    }
  }
  return {
    type: 'TimeGriddedData',
    data: { shape: [S, T, N], dtype: valued ? 'float64' : 'uint8', data: out },
    dt,
    boolean: !valued,
  };
}
