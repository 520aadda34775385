import type { Metadata, MetadataValue, NirArray, NirGraph, NirNode } from './types.js';
import { NODE_SPECS } from './node-spec.js';
import { NirError } from './nir-error.js';
import { formatFloat, parseJson } from './json-text.js';
import type { JsonValue } from './json-text.js';
import { isDType, isIntDType, isNirArray, nirArray, numel } from './nir-array.js';
import { graphFromRaw } from './create-node.js';
import type { GraphOptions } from './create-node.js';

/**
 * The lossless JSON form of a graph, as text: what Python `nir.read` gives,
 * described the way the fixtures' `.json` files are (node types, every field
 * in nir's order, arrays as `{shape, dtype, data}` flattened row-major, nodes
 * sorted by name, edges in order, metadata). Integer metadata is written as
 * `1`, float metadata as `1.0`, so reading it back restores int64 vs float64.
 * `indent`: spaces per level (default none).
 */
export function graphToJson(g: NirNode, indent = 0): string {
  const nl = (d: number) => (indent > 0 ? '\n' + ' '.repeat(indent * d) : '');
  const obj = (entries: [string, (d: number) => string][], d: number): string => {
    if (entries.length === 0) return '{}';
    return '{' + entries.map(([k, f]) => nl(d + 1) + JSON.stringify(k) + ': ' + f(d + 1)).join(',' + (indent > 0 ? '' : ' ')) + nl(d) + '}';
  };
  const list = (items: ((d: number) => string)[], d: number): string => {
    if (items.length === 0) return '[]';
    return '[' + items.map((f) => nl(d + 1) + f(d + 1)).join(',' + (indent > 0 ? '' : ' ')) + nl(d) + ']';
  };
  const num = (a: NirArray) => (isIntDType(a.dtype) ? (v: number) => String(v) : formatFloat);
  const array = (a: NirArray) => (d: number) => {
    const fmt = num(a);
    return obj(
      [
        [
          'shape',
          (dd) =>
            list(
              a.shape.map((s) => () => String(s)),
              dd,
            ),
        ],
        ['dtype', () => JSON.stringify(a.dtype)],
        [
          'data',
          (dd) =>
            list(
              Array.from(a.data, (v) => () => fmt(v)),
              dd,
            ),
        ],
      ],
      d,
    );
  };
  const meta =
    (m: Metadata) =>
    (d: number): string =>
      obj(
        Object.keys(m).map((k) => [k, metaValue(m[k])]),
        d,
      );
  const metaValue = (v: MetadataValue): ((d: number) => string) => {
    if (typeof v === 'string') return () => JSON.stringify(v);
    if (typeof v === 'bigint') return () => v.toString();
    if (typeof v === 'number') return () => formatFloat(v);
    if (isNirArray(v)) return array(v);
    return meta(v);
  };
  const field = (v: unknown): ((d: number) => string) => {
    if (v === null) return () => 'null';
    if (typeof v === 'string') return () => JSON.stringify(v);
    if (typeof v === 'number') return () => String(v);
    return array(v as NirArray);
  };
  const node =
    (n: NirNode) =>
    (d: number): string => {
      if (n.type === 'NIRGraph') {
        const names = Object.keys(n.nodes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return obj(
          [
            ['type', () => '"NIRGraph"'],
            [
              'nodes',
              (dd) =>
                obj(
                  names.map((k) => [k, node(n.nodes[k])]),
                  dd,
                ),
            ],
            [
              'edges',
              (dd) =>
                list(
                  n.edges.map(
                    (e) => (d3: number) =>
                      list(
                        e.map((x) => () => JSON.stringify(x)),
                        d3,
                      ),
                  ),
                  dd,
                ),
            ],
            ['metadata', meta(n.metadata)],
          ],
          d,
        );
      }
      const spec = NODE_SPECS[n.type];
      const rec = n as unknown as Record<string, unknown>;
      const entries: [string, (d: number) => string][] = [['type', () => JSON.stringify(n.type)]];
      spec.fields.forEach((fs, i) => {
        if (i === spec.metadataAt) entries.push(['metadata', meta(n.metadata)]);
        entries.push([fs.name, field(rec[fs.name])]);
      });
      if (spec.metadataAt >= spec.fields.length) entries.push(['metadata', meta(n.metadata)]);
      return obj(entries, d);
    };
  return node(g)(0);
}

/**
 * Read the JSON form (text or an already parsed value from {@link parseJson})
 * into a validated graph. Throws NirError naming the node and field (code
 * ERR_FORMAT, or ERR_SHAPE for shapes that do not fit).
 */
export function graphFromJson(json: string | JsonValue, opts: GraphOptions & { file?: string } = {}): NirGraph {
  try {
    let v = typeof json === 'string' ? parseJson(json, opts.file) : json;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'problems')) {
      // `neurite-nir inspect --json` adds the shape problems it found at the top level: not part of the graph
      const { problems: _problems, ...rest } = v as Record<string, JsonValue>;
      v = rest;
    }
    const raw = fromJsonValue(v, '', opts.file);
    if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'NIRGraph') {
      throw new NirError("the top level must be a node of type 'NIRGraph'", { file: opts.file, node: '' });
    }
    return graphFromRaw(raw, opts, { file: opts.file });
  } catch (e) {
    // What is invalid here is the document's content.
    throw e instanceof NirError ? e.inFile(opts.file, 'ERR_FORMAT') : e;
  }
}

/** JSON value -> raw node object: arrays to NirArray, ints to numbers in fields, bigint kept in metadata. */
function fromJsonValue(v: JsonValue, path: string, file: string | undefined): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new NirError('expected a node object', { file, node: path });
  const o = v as Record<string, JsonValue>;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) {
    const where = { file, node: path, field: k };
    if (k === 'metadata') out[k] = metaFromJson(x, where);
    else if (k === 'nodes' && o.type === 'NIRGraph') {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new NirError('expected an object of nodes', where);
      const nodes = Object.create(null) as Record<string, unknown>;
      for (const [name, n] of Object.entries(x)) nodes[name] = fromJsonValue(n, path === '' ? name : `${path}/${name}`, file);
      out[k] = nodes;
    } else if (k === 'edges' && o.type === 'NIRGraph') out[k] = x;
    else out[k] = fieldFromJson(x, where);
  }
  return out;
}

function arrayFromJson(x: Record<string, JsonValue>, where: { file?: string; node?: string; field?: string }): NirArray {
  const { shape, dtype, data } = x;
  if (!Array.isArray(shape) || !shape.every((s) => typeof s === 'bigint' && s >= 0n))
    throw new NirError('array shape must be a list of non-negative integers', where);
  if (!isDType(dtype)) throw new NirError(`unsupported dtype ${JSON.stringify(dtype)}`, where);
  const sh = shape.map((s) => Number(s));
  if (!Array.isArray(data) || data.length !== numel(sh)) throw new NirError(`array data must be a list of ${numel(sh)} numbers`, where);
  const vals = data.map((d) => {
    if (typeof d === 'bigint') return Number(d);
    if (typeof d === 'number') return d;
    throw new NirError('array data must be numbers', where);
  });
  return nirArray(vals, sh, dtype);
}

const isArrayObject = (x: JsonValue): x is Record<string, JsonValue> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 3 && 'shape' in x && 'dtype' in x && 'data' in x;

function fieldFromJson(x: JsonValue, where: { file?: string; node?: string; field?: string }): unknown {
  if (typeof x === 'bigint') return Number(x);
  if (isArrayObject(x)) return arrayFromJson(x, where);
  if (Array.isArray(x)) return x.map((e) => (typeof e === 'bigint' ? Number(e) : e));
  return x;
}

function metaFromJson(x: JsonValue, where: { file?: string; node?: string; field?: string }): unknown {
  if (isArrayObject(x)) return arrayFromJson(x, where);
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const m = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(x as Record<string, JsonValue>)) m[k] = metaFromJson(v, { ...where, field: `${where.field}/${k}` });
    return m;
  }
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'bigint') return x;
  throw new NirError(`unsupported metadata value ${JSON.stringify(x)}`, where);
}
