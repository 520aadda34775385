// Node only: reached through '@neurite/nir/node' (src/node.ts), never from src/index.ts.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@neurite/tensor/node';
import type { NirGraph } from './types.js';
import { NirError } from './nir-error.js';
import { decodeNir } from './decode-nir.js';
import type { ReadOptions, ReadResult } from './decode-nir.js';
import { encodeNir } from './encode-nir.js';
import { graphFromJson, graphToJson } from './json-form.js';
import { decodeNirData, encodeNirData } from './nir-data-file.js';
import type { NirGraphData } from './nir-data.js';

const isJsonPath = (p: string) => p.toLowerCase().endsWith('.json');

/**
 * Read a graph from a file (Node only): `.json` files in the JSON form,
 * anything else as a `.nir` HDF5 file. Errors are NirErrors naming the path:
 * ERR_FILE when the file cannot be read (the system error as `cause`),
 * ERR_FORMAT / ERR_SHAPE for its content (see {@link decodeNir}).
 */
export async function readNirFile(path: string, opts: Omit<ReadOptions, 'file'> = {}): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new NirError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path, code: 'ERR_FILE', cause: e });
  }
  if (isJsonPath(path)) {
    const graph = graphFromJson(new TextDecoder().decode(bytes), { ...opts, file: path });
    return { graph, version: null, repairs: [] };
  }
  return decodeNir(bytes, { ...opts, file: path });
}

/** {@link readNirFile}, returning only the graph. */
export async function readNir(path: string, opts: Omit<ReadOptions, 'file'> = {}): Promise<NirGraph> {
  return (await readNirFile(path, opts)).graph;
}

/**
 * Write a graph to a file (Node only), `.json` in the JSON form, else `.nir`
 * (HDF5). Atomic (`writeFileAtomic` of @neurite/tensor/node: a temporary file
 * in the same directory, fsync, rename; missing parent directories are
 * created): readers see the old file or the whole new one, and on any error
 * no file is left behind. Throws NirError ERR_FILE naming the path, with the
 * system error as `cause`.
 */
export async function writeNir(path: string, graph: NirGraph): Promise<void> {
  const bytes = isJsonPath(path) ? new TextEncoder().encode(graphToJson(graph, 1) + '\n') : await encodeNir(graph);
  try {
    await writeFileAtomic(path, bytes);
  } catch (e) {
    const sys = (e as { cause?: unknown }).cause ?? e;
    throw new NirError(`cannot write file (${(sys as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: path,
      code: 'ERR_FILE',
      cause: sys,
    });
  }
}

/** Read NIR data (`nir.read_data`'s HDF5 layout; see {@link decodeNirData}) from a file (Node only). */
export async function readNirData(path: string): Promise<NirGraphData> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new NirError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path, code: 'ERR_FILE', cause: e });
  }
  return decodeNirData(bytes, { file: path });
}

/** Write NIR data (`nir.write_data`'s layout; see {@link encodeNirData}) atomically (Node only). */
export async function writeNirData(path: string, data: NirGraphData): Promise<void> {
  const bytes = await encodeNirData(data);
  try {
    await writeFileAtomic(path, bytes);
  } catch (e) {
    const sys = (e as { cause?: unknown }).cause ?? e;
    throw new NirError(`cannot write file (${(sys as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: path,
      code: 'ERR_FILE',
      cause: sys,
    });
  }
}
