import type { NirArray } from './types.js';
import type { EventData, NirGraphData, NirNodeData, Observable, TimeGriddedData } from './nir-data.js';
import { checkEventData } from './nir-data.js';
import { NirError } from './nir-error.js';
import { badName } from './create-node.js';
import { h5Error, h5WriteError, loadH5, scratchPath } from './h5.js';
import type { H5 } from './h5.js';
import { isDataset, isGroup, safe, survey } from './decode-nir.js';

interface Attrs {
  get_attribute(name: string, json?: boolean): unknown;
  create_attribute(name: string, data: unknown, shape?: unknown, dtype?: unknown): void;
  attrs: Record<string, unknown>;
}
interface G extends Attrs {
  keys(): string[];
  get(name: string): unknown;
  create_group(name: string): G;
  create_dataset(args: Record<string, unknown>): unknown;
}

/**
 * Decode NIR data (`nir.read_data` of NIR's main branch after 1.0.7): a root with attribute
 * `__type__ = "NIRGraphData"`, `nodes/<name>` groups typed `NIRNodeData` (with `observables/<name>`
 * groups typed `TimeGriddedData` — dataset `data`, attribute `dt` — or `EventData` /
 * `ValuedEventData` — datasets `idx`, `time`, `value`, attributes `n_neurons`, `t_max`) or nested
 * `NIRGraphData`. h5py's boolean arrays (an HDF5 enum FALSE / TRUE) read as boolean grids. Bounded
 * like {@link decodeNir}: each object reached once, a total size budget checked before any value is read.
 */
export async function decodeNirData(bytes: Uint8Array, opts: { file?: string } = {}): Promise<NirGraphData> {
  const file = opts.file;
  const { h5, module } = await loadH5();
  const path = scratchPath();
  let f: G | undefined;
  try {
    try {
      module.FS.writeFile(path, bytes);
      f = new h5.File(path, 'r') as unknown as G;
    } catch (e) {
      throw h5Error(e, file);
    }
    const root = f;
    const type = attr(root, '__type__', file, '');
    if (type !== 'NIRGraphData')
      throw new NirError(`not NIR data: the root's __type__ is ${JSON.stringify(type ?? null)}, not "NIRGraphData"`, {
        file,
        code: 'ERR_FORMAT',
      });
    survey(h5, root, file, '');
    return readGraphData(h5, root, file, '', 0);
  } catch (e) {
    throw h5Error(e, file);
  } finally {
    try {
      (f as unknown as { close?: () => unknown } | undefined)?.close?.();
    } catch {
      /* already broken */
    }
    try {
      module.FS.unlink(path);
    } catch {
      /* not created */
    }
  }
}

function attr(g: G, name: string, file: string | undefined, where: string): unknown {
  const names = safe(() => Object.keys(g.attrs), file, undefined, where);
  if (!names.includes(name)) return undefined;
  const v = safe(() => g.get_attribute(name, false), file, undefined, `${where}@${name}`);
  return ArrayBuffer.isView(v) && (v as unknown as ArrayLike<unknown>).length === 1 ? (v as unknown as ArrayLike<unknown>)[0] : v;
}

function num(v: unknown, file: string | undefined, field: string): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new NirError(`expected a finite number attribute, got ${String(v)}`, { file, field, code: 'ERR_FORMAT' });
  return n;
}

function child(g: G, name: string, file: string | undefined, where: string): unknown {
  if (!safe(() => g.keys(), file, undefined, where).includes(name))
    throw new NirError('missing', { file, field: `${where}/${name}`, code: 'ERR_FORMAT' });
  return safe(() => g.get(name), file, undefined, `${where}/${name}`);
}

function readGraphData(h5: H5, g: G, file: string | undefined, where: string, depth: number): NirGraphData {
  if (depth > 64) throw new NirError('data nested too deeply', { file, field: where, code: 'ERR_FORMAT' });
  const nodesG = child(g, 'nodes', file, where);
  if (!isGroup(h5, nodesG)) throw new NirError('expected a group', { file, field: `${where}/nodes`, code: 'ERR_FORMAT' });
  const nodes = Object.create(null) as Record<string, NirNodeData | NirGraphData>;
  for (const name of safe(() => nodesG.keys(), file, undefined, `${where}/nodes`)) {
    const at = `${where}/nodes/${name}`;
    const bad = badName(name);
    if (bad !== null) throw new NirError(`bad node name ${JSON.stringify(name)}: ${bad}`, { file, field: at, code: 'ERR_FORMAT' });
    const n = safe(() => nodesG.get(name), file, undefined, at) as G;
    if (!isGroup(h5, n)) throw new NirError('expected a group', { file, field: at, code: 'ERR_FORMAT' });
    const t = attr(n, '__type__', file, at);
    if (t === 'NIRGraphData') nodes[name] = readGraphData(h5, n, file, at, depth + 1);
    else if (t === 'NIRNodeData') {
      const obsG = child(n, 'observables', file, at) as G;
      if (!isGroup(h5, obsG)) throw new NirError('expected a group', { file, field: `${at}/observables`, code: 'ERR_FORMAT' });
      const observables = Object.create(null) as Record<string, Observable>;
      for (const k of safe(() => obsG.keys(), file, undefined, `${at}/observables`)) {
        if (k === '__proto__')
          throw new NirError('bad observable name "__proto__": reserved', { file, field: `${at}/observables`, code: 'ERR_FORMAT' });
        observables[k] = readObservable(
          h5,
          safe(() => obsG.get(k), file, undefined, `${at}/observables/${k}`) as G,
          file,
          `${at}/observables/${k}`,
        );
      }
      nodes[name] = { type: 'NIRNodeData', observables };
    } else throw new NirError(`unknown node data type ${JSON.stringify(t ?? null)}`, { file, field: at, code: 'ERR_FORMAT' });
  }
  return { type: 'NIRGraphData', nodes };
}

function readArray(h5: H5, ds: unknown, file: string | undefined, field: string): { array: NirArray; boolean: boolean } {
  const where = { file, field, code: 'ERR_FORMAT' as const };
  if (!isDataset(h5, ds)) throw new NirError('expected a dataset', where);
  const md = safe(() => ds.metadata, file, undefined, field) as {
    type: number;
    size: number;
    signed: boolean;
    shape: number[] | null;
    enum_type?: { members: Record<string, number> };
  };
  const shape = md.shape ?? [];
  let boolean = false;
  let dtype: NirArray['dtype'];
  if (md.type === 8) {
    const m = md.enum_type?.members ?? {};
    if (!(Object.keys(m).length === 2 && m.FALSE === 0 && m.TRUE === 1))
      throw new NirError('unsupported enum type', { ...where, code: 'ERR_UNSUPPORTED' });
    boolean = true;
    dtype = 'uint8';
  } else if (md.type === 0) dtype = `${md.signed ? 'int' : 'uint'}${md.size * 8}` as NirArray['dtype'];
  else if (md.type === 1) dtype = md.size === 4 ? 'float32' : 'float64';
  else throw new NirError(`unsupported HDF5 datatype class ${md.type}`, { ...where, code: 'ERR_UNSUPPORTED' });
  const value = safe(() => ds.value, file, undefined, field) as ArrayLike<number | bigint> | number | bigint;
  const src: ArrayLike<number | bigint> = typeof value === 'number' || typeof value === 'bigint' ? [value] : value;
  const n = shape.reduce((a, b) => a * b, 1);
  if (src.length !== n) throw new NirError(`dataset holds ${src.length} values, shape needs ${n}`, where);
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = Number(src[i]);
  return { array: { shape, dtype, data }, boolean };
}

function readObservable(h5: H5, g: G, file: string | undefined, at: string): Observable {
  if (!isGroup(h5, g)) throw new NirError('expected a group', { file, field: at, code: 'ERR_FORMAT' });
  const t = attr(g, '__type__', file, at);
  try {
    if (t === 'TimeGriddedData') {
      const { array, boolean } = readArray(h5, child(g, 'data', file, at), file, `${at}/data`);
      if (array.shape.length !== 3)
        throw new NirError(`data must be [samples, steps, neurons], got [${array.shape.join(', ')}]`, {
          file,
          field: `${at}/data`,
          code: 'ERR_SHAPE',
        });
      const dt = num(attr(g, 'dt', file, at), file, `${at}@dt`);
      // our marker for a boolean grid stored as uint8 (see encodeNirData); Python ignores it
      const marked = attr(g, '__dtype__', file, at) === 'bool' && array.dtype === 'uint8' && array.data.every((v) => v === 0 || v === 1);
      const out: TimeGriddedData = { type: 'TimeGriddedData', data: array, dt, boolean: boolean || marked };
      return out;
    }
    if (t === 'EventData' || t === 'ValuedEventData') {
      const e: EventData = {
        type: t,
        idx: readArray(h5, child(g, 'idx', file, at), file, `${at}/idx`).array,
        time: readArray(h5, child(g, 'time', file, at), file, `${at}/time`).array,
        nNeurons: num(attr(g, 'n_neurons', file, at), file, `${at}@n_neurons`),
        tMax: num(attr(g, 't_max', file, at), file, `${at}@t_max`),
      };
      if (t === 'ValuedEventData') e.value = readArray(h5, child(g, 'value', file, at), file, `${at}/value`).array;
      return checkEventData(e);
    }
  } catch (e) {
    if (e instanceof NirError && e.file === undefined)
      throw new NirError(e.reason, {
        file,
        field: e.field === undefined ? at : `${at}/${e.field}`,
        code: e.code === 'ERR_INVALID_ARGUMENT' ? 'ERR_FORMAT' : e.code,
      });
    throw e;
  }
  throw new NirError(`unknown observable type ${JSON.stringify(t ?? null)}`, { file, field: at, code: 'ERR_FORMAT' });
}

/**
 * Encode NIR data in the layout of `nir.write_data` (NIR main branch): attributes `__type__`, `dt`,
 * `n_neurons` (int64), `t_max`; datasets gzip-compressed. One difference h5wasm imposes: boolean
 * grids are stored as uint8 0 / 1 (h5wasm cannot write h5py's FALSE / TRUE enum), which Python reads
 * as a uint8 array (`.astype(bool)` before `to_event`); an extra group attribute `__dtype__ = "bool"`
 * (ignored by Python) lets {@link decodeNirData} read it back as boolean.
 */
export async function encodeNirData(d: NirGraphData): Promise<Uint8Array> {
  const { h5, module } = await loadH5();
  const path = scratchPath();
  let f: G | undefined;
  try {
    try {
      f = new h5.File(path, 'w') as unknown as G;
      writeGraphData(f, d);
    } catch (e) {
      throw h5WriteError(e);
    } finally {
      (f as unknown as { close?: () => unknown } | undefined)?.close?.();
    }
    return module.FS.readFile(path).slice();
  } finally {
    try {
      module.FS.unlink(path);
    } catch {
      /* not created */
    }
  }
}

function typed(a: NirArray, boolean: boolean): Uint8Array | Float32Array | Float64Array | BigInt64Array {
  if (boolean) return Uint8Array.from(a.data);
  if (a.dtype === 'float32') return Float32Array.from(a.data);
  if (a.dtype.startsWith('int') || a.dtype.startsWith('uint')) return BigInt64Array.from(Array.from(a.data, (v) => BigInt(v)));
  return Float64Array.from(a.data);
}

function dataset(g: G, name: string, a: NirArray, boolean = false): void {
  const n = a.data.length;
  g.create_dataset({
    name,
    data: typed(a, boolean),
    shape: a.shape,
    ...(n > 0 ? { chunks: a.shape, compression: 'gzip', compression_opts: 4 } : {}),
  });
}

function writeGraphData(g: G, d: NirGraphData): void {
  g.create_attribute('__type__', 'NIRGraphData');
  const nodes = g.create_group('nodes');
  for (const [name, n] of Object.entries(d.nodes)) {
    const bad = badName(name);
    if (bad !== null) throw new NirError(`bad node name ${JSON.stringify(name)}: ${bad}`, { field: 'nodes' });
    const ng = nodes.create_group(name);
    if (n.type === 'NIRGraphData') {
      writeGraphData(ng, n);
      continue;
    }
    ng.create_attribute('__type__', 'NIRNodeData');
    const obs = ng.create_group('observables');
    for (const [k, o] of Object.entries(n.observables)) {
      const og = obs.create_group(k);
      if (o.type === 'TimeGriddedData') {
        og.create_attribute('__type__', 'TimeGriddedData');
        dataset(og, 'data', o.data, o.boolean);
        if (o.boolean) og.create_attribute('__dtype__', 'bool');
        og.create_attribute('dt', new Float64Array([o.dt]), []);
      } else {
        checkEventData(o);
        og.create_attribute('__type__', o.type);
        dataset(og, 'idx', { ...o.idx, dtype: 'int64' });
        dataset(og, 'time', { ...o.time, dtype: 'float64' });
        og.create_attribute('n_neurons', new BigInt64Array([BigInt(o.nNeurons)]), []);
        og.create_attribute('t_max', new Float64Array([o.tMax]), []);
        if (o.type === 'ValuedEventData') dataset(og, 'value', o.value!);
      }
    }
  }
}
