// @neurite/brain4d/node: file IO (checkpoints, SONATA directories, network JSON files).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@neurite/tensor/node';
import { Brain4dError } from './brain4d-error.js';
import { checkpointBytes, restoreCheckpoint } from './checkpoint.js';
import type { MonitorSink } from './monitor-sink.js';
import type { NetworkSpec } from './network-spec.js';
import type { Simulator } from './simulator.js';
import { sonataFiles } from './sonata-export.js';
import { validateNetwork, type ValidateOptions } from './validate-network.js';

export * from './index.js';

/** Reads and validates a network JSON file (Brain4dError ERR_FILE / ERR_FORMAT with `path` set, or the key path of a bad entry). */
export async function readNetwork(file: string, options: ValidateOptions = {}): Promise<NetworkSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Brain4dError('file', `cannot read ${file}: ${(e as Error).message}`, { code: 'ERR_FILE', path: file, cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Brain4dError('file', `${file} is not JSON: ${(e as Error).message}`, { code: 'ERR_FORMAT', path: file, cause: e });
  }
  return validateNetwork(json, options);
}

/** Writes a checkpoint of `sim` to `file` atomically (a temporary file renamed over it). */
export async function saveCheckpoint(sim: Simulator, file: string): Promise<void> {
  await writeFileAtomic(file, checkpointBytes(sim));
}

/** Restores `sim` from a checkpoint file written by {@link saveCheckpoint}. */
export async function loadCheckpoint(sim: Simulator, file: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Brain4dError('checkpoint', `cannot read ${file}: ${(e as Error).message}`, { code: 'ERR_FILE', path: file, cause: e });
  }
  restoreCheckpoint(sim, bytes);
}

/** Writes the SONATA export of `sim` (see `sonataFiles`) into `dir`, each file atomically. Returns the paths written. */
export async function writeSonata(sim: Simulator, dir: string): Promise<string[]> {
  const files = await sonataFiles(sim);
  const out: string[] = [];
  for (const [rel, data] of Object.entries(files)) {
    const p = path.join(dir, rel);
    await mkdir(path.dirname(p), { recursive: true });
    await writeFileAtomic(p, data);
    out.push(p);
  }
  return out;
}

/** A {@link MonitorSink} writing to files; `close()` ends the streams and writes `monitors.json`. */
export interface MonitorFiles extends MonitorSink {
  /** Closes the files and writes the index `monitors.json` (atomically). Returns the paths written. */
  close(): Promise<string[]>;
}

/**
 * A sink that streams a run's monitors into `dir` (created if missing), for runs whose spikes
 * do not fit in memory: `spikes.bin` holds little-endian int32 pairs (step, lattice id) in
 * recording order; `state-<i>.bin` float64 records (step, then the sampled value of each
 * neuron of state monitor i). `close()` writes `monitors.json`: the format name
 * `neurite-brain4d-monitors/1`, dt, and for each file its layout and record count.
 * Pass it as `new Simulator(net, { sink })`.
 */
export function createMonitorFiles(dir: string, spec: NetworkSpec): MonitorFiles {
  mkdirSync(dir, { recursive: true });
  const fds = new Map<string, number>();
  const counts = new Map<string, number>();
  const append = (name: string, bytes: Uint8Array, records: number) => {
    let fd = fds.get(name);
    if (fd === undefined) {
      fd = openSync(path.join(dir, name), 'w');
      fds.set(name, fd);
      counts.set(name, 0);
    }
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    counts.set(name, counts.get(name)! + records);
  };
  const states = spec.monitors?.state ?? [];
  return {
    spikes(steps, ids) {
      const rec = new Int32Array(2 * steps.length);
      for (let k = 0; k < steps.length; k++) {
        rec[2 * k] = steps[k];
        rec[2 * k + 1] = ids[k];
      }
      append('spikes.bin', new Uint8Array(rec.buffer), steps.length);
    },
    state(monitor, steps, values) {
      const k = states[monitor].neurons.length;
      const rec = new Float64Array(steps.length * (k + 1));
      for (let s = 0; s < steps.length; s++) {
        rec[s * (k + 1)] = steps[s];
        rec.set(values.subarray(s * k, (s + 1) * k), s * (k + 1) + 1);
      }
      append(`state-${monitor}.bin`, new Uint8Array(rec.buffer), steps.length);
    },
    async close() {
      for (const fd of fds.values()) closeSync(fd);
      const index = {
        format: 'neurite-brain4d-monitors/1',
        dt: spec.dt,
        spikes: { file: 'spikes.bin', layout: 'int32 step, int32 lattice id (little-endian)', records: counts.get('spikes.bin') ?? 0 },
        state: states.map((m, i) => ({
          file: `state-${i}.bin`,
          population: m.population,
          variable: m.variable,
          neurons: m.neurons,
          layout: `float64 step, then ${m.neurons.length} float64 values (little-endian)`,
          records: counts.get(`state-${i}.bin`) ?? 0,
        })),
      };
      const out = [...fds.keys()].map((f) => path.join(dir, f));
      fds.clear();
      const file = path.join(dir, 'monitors.json');
      await writeFileAtomic(file, JSON.stringify(index, null, 2) + '\n');
      return [...out, file];
    },
  };
}

/** Reads a `spikes.bin` written by {@link createMonitorFiles}: steps and lattice ids. */
export async function readSpikeFile(file: string): Promise<{ steps: Int32Array; ids: Int32Array }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Brain4dError('file', `cannot read ${file}: ${(e as Error).message}`, { code: 'ERR_FILE', path: file, cause: e });
  }
  if (bytes.length % 8 !== 0)
    throw new Brain4dError('file', `${file} is not a spike file (length not a multiple of 8)`, { code: 'ERR_FORMAT', path: file });
  const rec = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const n = rec.length / 2;
  const steps = new Int32Array(n);
  const ids = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    steps[k] = rec[2 * k];
    ids[k] = rec[2 * k + 1];
  }
  return { steps, ids };
}

export { DEFAULT_SPIN_US, MAX_BATCH, exchangeEvery, measureExchange, runPartitioned } from './run-partitioned.js';
export type { ExchangeCost, PartitionedOptions, PartitionedResult } from './run-partitioned.js';
