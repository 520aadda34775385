import type { Metadata, NirArray, NirGraph, NirNode } from './types.js';
import { NODE_SPECS } from './node-spec.js';
import { NirError } from './nir-error.js';
import { isNirArray, numel } from './nir-array.js';
import { validateNode } from './create-node.js';
import { h5WriteError, loadH5, scratchPath } from './h5.js';

/** The version string written to `/version`: the nir file format this package follows. */
export const NIR_FORMAT_VERSION = '1.0.7';

interface H5GroupW {
  create_group(name: string): H5GroupW;
  create_dataset(args: Record<string, unknown>): unknown;
}

/**
 * Encode a graph as the bytes of a `.nir` file in the layout Python nir's
 * `serialization.write` gives the same graph: `/version` (string), `/node`
 * group; in every node group a `type` string dataset and one dataset per field
 * (no others); graphs hold `nodes/`, `edges` ((E, 2) UTF-8 strings; an empty
 * graph's edges are a float64 (0,) dataset, as h5py stores `[]`) and
 * `metadata/` when not empty.
 *
 * Types and compression follow what nir holds in Python: integers are int64,
 * float arrays keep float32 / float64 (float16 is written as float32: h5wasm
 * cannot write it); a value nir holds as an `np.ndarray` (neuron parameters,
 * weights, Input / Output shapes, pooling parameters given as arrays,
 * Flatten's input_type, metadata arrays, empty ones included) is
 * gzip-compressed (level 4, chunks as h5py guesses them); a value nir holds as
 * a tuple or int (Conv stride, padding, dilation, input_shape; `groups`,
 * Flatten's dims, metadata numbers) is stored plainly, as are strings and
 * 0-d arrays (which Python cannot compress either).
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
    writeNode(f.create_group('node'), g);
    f.close();
    f = undefined;
    return module.FS.readFile(path).slice();
  } catch (e) {
    throw h5WriteError(e);
  } finally {
    try {
      f?.close();
    } catch {
      /* ignore */
    }
    try {
      module.FS.unlink(path);
    } catch {
      /* ignore */
    }
  }
}

function typedFor(a: NirArray): ArrayBufferView {
  const d = a.data;
  switch (a.dtype) {
    case 'float32':
    case 'float16':
      return d instanceof Float32Array ? d : Float32Array.from(d);
    case 'float64':
      return d instanceof Float64Array ? d : Float64Array.from(d);
    case 'int64':
      return BigInt64Array.from(d, (v) => BigInt(v));
    case 'uint64':
      return BigUint64Array.from(d, (v) => BigInt(v));
    case 'int32':
      return Int32Array.from(d);
    case 'int16':
      return Int16Array.from(d);
    case 'int8':
      return Int8Array.from(d);
    case 'uint32':
      return Uint32Array.from(d);
    case 'uint16':
      return Uint16Array.from(d);
    case 'uint8':
      return Uint8Array.from(d);
  }
}

/**
 * The chunk shape h5py picks for a compressed dataset (`h5py._hl.filters.guess_chunk`):
 * aim at 16 KiB × 2^log10(size / 1 MiB) bytes, kept within [8 KiB, 1 MiB]; halve the
 * axes in turn until the chunk is below that target (or within 50 % of it) and under
 * 1 MiB. A zero-length axis counts as 1024.
 */
function guessChunk(shape: readonly number[], itemSize: number): number[] {
  const chunks = shape.map((x) => (x === 0 ? 1024 : x));
  const bytes = () => numel(chunks) * itemSize;
  const target = Math.min(1 << 20, Math.max(8 * 1024, 16 * 1024 * 2 ** Math.log10(bytes() / (1024 * 1024))));
  for (let idx = 0; ; idx++) {
    const b = bytes();
    if ((b < target || Math.abs(b - target) / target < 0.5) && b < 1 << 20) break;
    if (numel(chunks) === 1) break;
    const axis = idx % chunks.length;
    chunks[axis] = Math.ceil(chunks[axis] / 2);
  }
  return chunks;
}

/** An array nir holds as an np.ndarray: gzip unless 0-d (h5py refuses filters on scalars). */
function writeArray(g: H5GroupW, name: string, a: NirArray): void {
  const data = typedFor(a);
  if (a.shape.length === 0) {
    writePlain(g, name, a);
    return;
  }
  const item = (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  g.create_dataset({ name, data, shape: a.shape, chunks: guessChunk(a.shape, item), compression: 'gzip', compression_opts: 4 });
}

/** An array nir holds as a tuple / list: stored contiguous, no filter. */
function writePlain(g: H5GroupW, name: string, a: NirArray): void {
  g.create_dataset({ name, data: typedFor(a), shape: a.shape });
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

function writeNode(g: H5GroupW, n: NirNode): void {
  g.create_dataset({ name: 'type', data: n.type });
  if (n.type === 'NIRGraph') {
    const nodes = g.create_group('nodes');
    for (const [name, child] of Object.entries(n.nodes)) writeNode(nodes.create_group(name), child);
    if (n.edges.length === 0) g.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0] });
    else g.create_dataset({ name: 'edges', data: n.edges.flat(), shape: [n.edges.length, 2] });
  } else {
    const rec = n as unknown as Record<string, unknown>;
    for (const fs of NODE_SPECS[n.type].fields) {
      const v = rec[fs.name];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') g.create_dataset({ name: fs.name, data: v });
      else if (typeof v === 'number') writeInt(g, fs.name, v);
      else if (fs.stored === 'tuple') writePlain(g, fs.name, v as NirArray);
      else writeArray(g, fs.name, v as NirArray);
    }
  }
  if (Object.keys(n.metadata).length > 0) writeMetadata(g.create_group('metadata'), n.metadata);
}
