import type { Metadata, NirArray, NirGraph, NirNode } from './types.js';
import { NODE_SPECS } from './node-spec.js';
import { NirError } from './nir-error.js';
import { isNirArray, numel } from './nir-array.js';
import { validateNode } from './create-node.js';
import { h5Error, loadH5, scratchPath } from './h5.js';

/** The version string written to `/version`: the nir file format this package follows. */
export const NIR_FORMAT_VERSION = '1.0.7';

interface H5GroupW {
  create_group(name: string): H5GroupW;
  create_dataset(args: Record<string, unknown>): unknown;
}

/**
 * Encode a graph as the bytes of a `.nir` file in the layout of Python nir's
 * `serialization.write`: `/version` (string), `/node` group; in every node
 * group a `type` string dataset and one dataset per field (no others);
 * graphs hold `nodes/`, `edges` ((E, 2) UTF-8 strings; an empty graph's edges
 * are a float64 (0,) dataset as numpy makes of `[]`) and `metadata/` when not
 * empty. Integers are int64, float arrays keep float32 / float64, and only
 * non-scalar, non-empty numeric arrays are gzip-compressed (level 4, h5py's default).
 */
export async function encodeNir(graph: NirGraph, opts: { version?: string } = {}): Promise<Uint8Array> {
  const g = validateNode(graph, '');
  if (g.type !== 'NIRGraph') throw new NirError(`the top node must be a NIRGraph, got ${g.type}`, { node: '' });
  const { h5, module } = await loadH5();
  const path = scratchPath();
  let f: (H5GroupW & { close(): unknown }) | undefined;
  try {
    f = new h5.File(path, 'w') as unknown as H5GroupW & { close(): unknown };
    f.create_dataset({ name: 'version', data: opts.version ?? NIR_FORMAT_VERSION });
    writeNode(f.create_group('node'), g, '');
    f.close();
    f = undefined;
    return module.FS.readFile(path).slice();
  } catch (e) {
    throw h5Error(e, undefined);
  } finally {
    try { f?.close(); } catch { /* ignore */ }
    try { module.FS.unlink(path); } catch { /* ignore */ }
  }
}

function typedFor(a: NirArray): ArrayBufferView {
  const d = a.data;
  switch (a.dtype) {
    case 'float32': case 'float16': return d instanceof Float32Array ? d : Float32Array.from(d);
    case 'float64': return d instanceof Float64Array ? d : Float64Array.from(d);
    case 'int64': return BigInt64Array.from(d, (v) => BigInt(v));
    case 'uint64': return BigUint64Array.from(d, (v) => BigInt(v));
    case 'int32': return Int32Array.from(d);
    case 'int16': return Int16Array.from(d);
    case 'int8': return Int8Array.from(d);
    case 'uint32': return Uint32Array.from(d);
    case 'uint16': return Uint16Array.from(d);
    case 'uint8': return Uint8Array.from(d);
  }
}

function chunksFor(shape: number[], itemSize: number): number[] {
  const c = [...shape];
  while (numel(c) * itemSize > 1 << 20) {
    let i = 0;
    for (let j = 1; j < c.length; j++) if (c[j] > c[i]) i = j;
    c[i] = Math.ceil(c[i] / 2);
  }
  return c;
}

function writeArray(g: H5GroupW, name: string, a: NirArray): void {
  const data = typedFor(a);
  if (a.shape.length > 0 && numel(a.shape) > 0) {
    const item = (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    g.create_dataset({ name, data, shape: a.shape, chunks: chunksFor(a.shape, item), compression: 'gzip', compression_opts: 4 });
  } else {
    g.create_dataset({ name, data, shape: a.shape });
  }
}

function writeInt(g: H5GroupW, name: string, v: number | bigint): void {
  g.create_dataset({ name, data: new BigInt64Array([BigInt(v)]), shape: [] });
}

function writeMetadata(g: H5GroupW, m: Metadata): void {
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'string') g.create_dataset({ name: k, data: v });
    else if (typeof v === 'bigint') writeInt(g, k, v);
    else if (typeof v === 'number') g.create_dataset({ name: k, data: new Float64Array([v]), shape: [] });
    else if (isNirArray(v)) writeArray(g, k, v);
    else writeMetadata(g.create_group(k), v);
  }
}

function writeNode(g: H5GroupW, n: NirNode, path: string): void {
  g.create_dataset({ name: 'type', data: n.type });
  if (n.type === 'NIRGraph') {
    const nodes = g.create_group('nodes');
    for (const [name, child] of Object.entries(n.nodes)) writeNode(nodes.create_group(name), child, path === '' ? name : `${path}/${name}`);
    if (n.edges.length === 0) g.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0] });
    else g.create_dataset({ name: 'edges', data: n.edges.flat(), shape: [n.edges.length, 2] });
  } else {
    const rec = n as unknown as Record<string, unknown>;
    for (const fs of NODE_SPECS[n.type].fields) {
      const v = rec[fs.name];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') g.create_dataset({ name: fs.name, data: v });
      else if (typeof v === 'number') writeInt(g, fs.name, v);
      else writeArray(g, fs.name, v as NirArray);
    }
  }
  if (Object.keys(n.metadata).length > 0) writeMetadata(g.create_group('metadata'), n.metadata);
}
