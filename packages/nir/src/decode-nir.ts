import type { DType, NirArray, NirGraph } from './types.js';
import { NODE_SPECS } from './node-spec.js';
import { NirError } from './nir-error.js';
import { MAX_ELEMENTS, MAX_TOTAL_ELEMENTS, numel } from './nir-array.js';
import { graphFromRaw } from './create-node.js';
import type { GraphOptions } from './create-node.js';
import type { EdgeRepair } from './repair-dangling-edges.js';
import { h5Error, loadH5, scratchPath } from './h5.js';
import type { H5 } from './h5.js';

/** Options of {@link decodeNir} and the file readers: the graph options plus the name used in messages. */
export interface ReadOptions extends GraphOptions {
  /** Name used in error messages (the file path). */
  file?: string;
}

/** What {@link decodeNir} returns: the graph, the file's version and the repairs made. */
export interface ReadResult {
  /** The validated graph (shapes checked unless `typeCheck: false`). */
  graph: NirGraph;
  /** The file's `/version` string, or null when absent (tolerated). */
  version: string | null;
  /** Edges renamed by `repair: 'rename-dangling'`. */
  repairs: EdgeRepair[];
}

interface H5Dataset {
  metadata: { type: number; size: number; signed: boolean; shape: number[] | null; vlen: boolean };
  shape: number[] | null;
  value: unknown;
}
interface H5Group {
  keys(): string[];
  get(name: string): unknown;
}

/** A dataset value as read: a string (array) or numbers, with its shape (`[]` for scalars). */
type Raw = { kind: 'string'; shape: number[]; strings: string[] } | { kind: 'number'; array: NirArray; isInt: boolean };

/**
 * Decode the bytes of a `.nir` (HDF5) file written by Python `nir` (0.2 – 1.0.x)
 * or by Neurite. Tolerant of: missing `/version`, missing `v_reset` / `w_in`
 * (filled with 0 / 1 as nir 1.0.7 does), string Conv padding, Flatten without
 * `input_type`, fixed-length strings, int32 shapes (read as int64).
 * Integer fields become int64; float arrays keep float32 / float64.
 * Throws NirError (file, node, field) on anything else: ERR_FORMAT for a damaged
 * file or invalid content, ERR_SHAPE for shapes that do not fit, ERR_UNSUPPORTED
 * for HDF5 types NIR files do not use.
 *
 * @example
 * ```ts
 * import { createGraph, createNode, decodeNir, encodeNir, nirArray } from '@neurite/nir';
 *
 * const graph = createGraph({
 *   nodes: {
 *     in: createNode('Input', { shape: [2] }),
 *     fc: createNode('Linear', { weight: nirArray([1, -1], [1, 2]) }),
 *     out: createNode('Output', { shape: [1] }),
 *   },
 *   edges: [['in', 'fc'], ['fc', 'out']],
 * });
 * const bytes = await encodeNir(graph); // a .nir file (HDF5) in memory, as Python nir writes it
 * const { graph: back, version } = await decodeNir(bytes, { file: 'linear.nir' });
 * console.log(version, Object.keys(back.nodes), back.nodes.fc.type); // '1.0.7' [ 'fc', 'in', 'out' ] 'Linear'
 * ```
 */
export async function decodeNir(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  const file = opts.file;
  const { h5, module } = await loadH5();
  const path = scratchPath();
  let f: { close(): unknown; get(n: string): unknown; keys(): string[] } | undefined;
  try {
    try {
      module.FS.writeFile(path, bytes);
      f = new h5.File(path, 'r') as unknown as typeof f;
    } catch (e) {
      throw h5Error(e, file);
    }
    let version: string | null = null;
    const keys = safe(() => f!.keys(), file);
    if (keys.includes('version')) {
      const v = readDataset(
        h5,
        safe(() => f!.get('version'), file, undefined, 'version'),
        file,
        '',
        'version',
      );
      if (v.kind !== 'string' || v.shape.length !== 0) throw new NirError('expected a string', { file, field: 'version' });
      version = v.strings[0];
    }
    if (!keys.includes('node')) throw new NirError("missing group '/node'", { file });
    survey(h5, f!, file);
    const raw = readNodeGroup(
      h5,
      safe(() => f!.get('node'), file, ''),
      file,
      '',
      0,
    );
    const repairs: EdgeRepair[] = [];
    const graph = graphFromRaw(raw, opts, { file }, repairs);
    return { graph, version, repairs };
  } catch (e) {
    throw h5Error(e, file);
  } finally {
    try {
      (f as { close?: () => unknown } | undefined)?.close?.();
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

export function safe<T>(fn: () => T, file: string | undefined, node?: string, field?: string): T {
  try {
    return fn();
  } catch (e) {
    throw h5Error(e, file, node, field);
  }
}

/** Most HDF5 objects (groups and datasets) a file may hold under `/node`: bounds the work of a read. */
export const MAX_OBJECTS = 1_000_000;

/**
 * Walk `/node` once before reading any value: each HDF5 object must be reached by exactly one
 * link (checked by object address, so hard links that make a group reachable many times, or a
 * cycle, are refused before an exponential walk), at most {@link MAX_OBJECTS} objects, nesting at
 * most 256 groups deep, and the declared element counts of all datasets together at most
 * {@link MAX_TOTAL_ELEMENTS}, so that no compressed array is inflated before the whole file is
 * known to fit. Iterative: a deep file cannot overflow the stack.
 */
export function survey(h5: H5, f: { get(n: string): unknown }, file: string | undefined, start = 'node'): void {
  const seen = new Map<string, string>();
  let objects = 0;
  let total = 0;
  const short = (p: string) => (p.length > 60 ? `…${p.slice(-60)}` : p);
  // Each object is claimed by its address when it is first reached (pushed), so a second link to it is
  // found among the children of the group that holds both, before anything below is walked.
  const claim = (obj: unknown, path: string): boolean => {
    if (++objects > MAX_OBJECTS)
      throw new NirError(`more than ${MAX_OBJECTS} HDF5 objects under /${start}`, { file, field: short(path), code: 'ERR_OUT_OF_RANGE' });
    if (!isGroup(h5, obj) && !isDataset(h5, obj)) return false; // links and other objects: reported when read
    const ref = safe(
      () => (obj as unknown as { create_reference(): { ref_data: Uint8Array } }).create_reference().ref_data,
      file,
      undefined,
      path,
    );
    const addr = Array.from(ref).join(',');
    const before = seen.get(addr);
    if (before !== undefined)
      throw new NirError(`HDF5 object reached through two links ('/${short(before)}' and '/${short(path)}'): not a NIR file`, {
        file,
        field: short(path),
        code: 'ERR_FORMAT',
      });
    seen.set(addr, path);
    return true;
  };
  const root = start === '' ? f : safe(() => f.get(start), file, '');
  const stack: { obj: unknown; path: string; depth: number }[] = [];
  if (claim(root, start)) stack.push({ obj: root, path: start, depth: 0 });
  while (stack.length > 0) {
    const { obj, path, depth } = stack.pop()!;
    const where = { file, field: short(path) };
    if (depth > 256) throw new NirError('groups nested too deeply', { ...where, code: 'ERR_OUT_OF_RANGE' });
    if (isGroup(h5, obj)) {
      const keys = safe(() => obj.keys(), file, undefined, path);
      for (const k of keys) {
        const sub = path === '' ? k : `${path}/${k}`;
        const child = safe(() => obj.get(k), file, undefined, sub);
        if (claim(child, sub)) stack.push({ obj: child, path: sub, depth: depth + 1 });
      }
    } else if (isDataset(h5, obj)) {
      const shape = safe(() => obj.metadata.shape, file, undefined, path) ?? [];
      if (shape.some((x) => !Number.isSafeInteger(x) || x < 0)) throw new NirError(`absurd dataset size [${shape.join(', ')}]`, where);
      total += numel(shape);
      if (total > MAX_TOTAL_ELEMENTS)
        throw new NirError(`the datasets declare more than ${MAX_TOTAL_ELEMENTS} elements together`, {
          ...where,
          code: 'ERR_OUT_OF_RANGE',
        });
    }
  }
}

// instanceof, not constructor names: bundlers may rename classes (esbuild makes `Group` `Group2`).
export const isGroup = (h5: H5, x: unknown): x is H5Group => x instanceof h5.Group;
export const isDataset = (h5: H5, x: unknown): x is H5Dataset => x instanceof h5.Dataset;

function readDataset(h5: H5, ds: unknown, file: string | undefined, node: string, field: string): Raw {
  const where = { file, node, field };
  if (!isDataset(h5, ds)) throw new NirError('expected a dataset', where);
  const md = safe(() => ds.metadata, file, node, field);
  const shape = md.shape ?? [];
  if (shape.some((s) => !Number.isSafeInteger(s) || s < 0) || numel(shape) > MAX_ELEMENTS) {
    throw new NirError(`absurd dataset size [${shape.join(', ')}]`, where);
  }
  const value = safe(() => ds.value, file, node, field);
  if (md.type === 3) {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((s) => typeof s === 'string')) throw new NirError('unreadable strings', where);
    return { kind: 'string', shape, strings: (list as string[]).map((s) => s.replace(/\0+$/, '')) };
  }
  let dtype: DType;
  if (md.type === 0) {
    const bits = ({ 1: '8', 2: '16', 4: '32', 8: '64' } as Record<number, string>)[md.size];
    if (!bits) throw new NirError(`unsupported integer size ${md.size}`, { ...where, code: 'ERR_UNSUPPORTED' });
    dtype = `${md.signed ? 'int' : 'uint'}${bits}` as DType;
  } else if (md.type === 1) {
    const d = ({ 2: 'float16', 4: 'float32', 8: 'float64' } as Record<number, DType>)[md.size];
    if (!d) throw new NirError(`unsupported float size ${md.size}`, { ...where, code: 'ERR_UNSUPPORTED' });
    dtype = d;
  } else {
    throw new NirError(`unsupported HDF5 datatype class ${md.type}`, { ...where, code: 'ERR_UNSUPPORTED' });
  }
  const n = numel(shape);
  const src: ArrayLike<number | bigint> =
    typeof value === 'number' || typeof value === 'bigint'
      ? [value]
      : ArrayBuffer.isView(value)
        ? (value as unknown as ArrayLike<number | bigint>)
        : Array.isArray(value)
          ? value
          : [];
  if (src.length !== n) throw new NirError(`dataset holds ${src.length} values, shape [${shape.join(', ')}] needs ${n}`, where);
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = src[i];
    const num = typeof v === 'bigint' ? Number(v) : v;
    if (typeof v === 'bigint' && !Number.isSafeInteger(num)) throw new NirError(`integer ${v} out of range`, where);
    data[i] = num;
  }
  return { kind: 'number', array: { shape, dtype, data }, isInt: md.type === 0 };
}

/** A dataset as a raw field value: a string, a list of strings or a NirArray (validation happens later). */
function asField(r: Raw): unknown {
  if (r.kind === 'string') return r.shape.length === 0 ? r.strings[0] : r.strings;
  return r.array;
}

function readNodeGroup(h5: H5, g: unknown, file: string | undefined, path: string, depth: number): Record<string, unknown> {
  if (depth > 64) throw new NirError('graphs nested too deeply', { file, node: path });
  if (!isGroup(h5, g)) throw new NirError('expected a group', { file, node: path });
  const keys = safe(() => g.keys(), file, path);
  if (!keys.includes('type')) throw new NirError('missing field', { file, node: path, field: 'type' });
  const t = readDataset(
    h5,
    safe(() => g.get('type'), file, path, 'type'),
    file,
    path,
    'type',
  );
  if (t.kind !== 'string' || t.strings.length !== 1) throw new NirError('expected a string', { file, node: path, field: 'type' });
  const type = t.strings[0];
  // no prototype: a node or field named '__proto__' stays a key (and is reported by validation)
  const out = Object.create(null) as Record<string, unknown>;
  out.type = type;
  for (const k of keys) {
    if (k === 'type') continue;
    const child = safe(() => g.get(k), file, path, k);
    if (k === 'metadata') {
      out.metadata = readMetadata(h5, child, file, path, 'metadata', 0);
    } else if (type === 'NIRGraph' && k === 'nodes') {
      if (!isGroup(h5, child)) throw new NirError('expected a group', { file, node: path, field: 'nodes' });
      const nodes = Object.create(null) as Record<string, unknown>;
      for (const name of safe(() => child.keys(), file, path, 'nodes')) {
        nodes[name] = readNodeGroup(
          h5,
          safe(() => child.get(name), file, path, 'nodes'),
          file,
          path === '' ? name : `${path}/${name}`,
          depth + 1,
        );
      }
      out.nodes = nodes;
    } else if (type === 'NIRGraph' && k === 'edges') {
      const e = readDataset(h5, child, file, path, 'edges');
      const n = e.kind === 'string' ? e.strings.length : e.array.data.length;
      if (n === 0) out.edges = [];
      else if (e.kind !== 'string' || e.shape.length !== 2 || e.shape[1] !== 2) {
        throw new NirError('edges must be an (E, 2) string dataset', { file, node: path, field: 'edges' });
      } else {
        const edges: [string, string][] = [];
        for (let i = 0; i < e.shape[0]; i++) edges.push([e.strings[2 * i], e.strings[2 * i + 1]]);
        out.edges = edges;
      }
    } else {
      if (type !== 'NIRGraph' && !Object.hasOwn(NODE_SPECS, type)) continue; // reported as unknown type by validation
      if (isGroup(h5, child)) {
        // Python writes a dict-valued field as a group (Flatten's input_type in some versions: {"input": shape}).
        const inner = safe(() => child.keys(), file, path, k);
        if (inner.length === 1) {
          const f = `${k}/${inner[0]}`;
          out[k] = asField(
            readDataset(
              h5,
              safe(() => child.get(inner[0]), file, path, f),
              file,
              path,
              f,
            ),
          );
          continue;
        }
        throw new NirError('expected a dataset', { file, node: path, field: k });
      }
      out[k] = asField(readDataset(h5, child, file, path, k));
    }
  }
  return out;
}

function readMetadata(h5: H5, g: unknown, file: string | undefined, node: string, field: string, depth: number): Record<string, unknown> {
  if (depth > 32) throw new NirError('metadata nested too deeply', { file, node, field });
  if (!isGroup(h5, g)) throw new NirError('expected a group', { file, node, field });
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of safe(() => g.keys(), file, node, field)) {
    const child = safe(() => g.get(k), file, node, `${field}/${k}`);
    if (isGroup(h5, child)) out[k] = readMetadata(h5, child, file, node, `${field}/${k}`, depth + 1);
    else {
      const r = readDataset(h5, child, file, node, `${field}/${k}`);
      if (r.kind === 'string' && r.shape.length !== 0)
        throw new NirError('string arrays in metadata are not supported', { file, node, field: `${field}/${k}`, code: 'ERR_UNSUPPORTED' });
      if (r.kind === 'number' && r.array.shape.length === 0) out[k] = r.isInt ? BigInt(r.array.data[0]) : r.array.data[0];
      else out[k] = asField(r);
    }
  }
  return out;
}
