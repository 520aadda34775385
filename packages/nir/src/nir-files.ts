import type { NirGraph } from './types.js';
import { NirError } from './nir-error.js';
import { decodeNir } from './decode-nir.js';
import type { ReadOptions, ReadResult } from './decode-nir.js';
import { encodeNir } from './encode-nir.js';
import { graphFromJson, graphToJson } from './json-form.js';

const isJsonPath = (p: string) => p.toLowerCase().endsWith('.json');

async function fsp(): Promise<typeof import('node:fs/promises')> {
  return import('node:fs/promises');
}

/**
 * Read a graph from a file (Node only): `.json` files in the JSON form,
 * anything else as a `.nir` HDF5 file. Errors are NirErrors naming the path.
 */
export async function readNirFile(path: string, opts: Omit<ReadOptions, 'file'> = {}): Promise<ReadResult> {
  const fs = await fsp();
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    throw new NirError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
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
 * (HDF5). Atomic: the bytes go to a temporary file beside the target, which
 * is then renamed over it; on any error no file is left behind.
 */
export async function writeNir(path: string, graph: NirGraph): Promise<void> {
  const bytes = isJsonPath(path) ? new TextEncoder().encode(graphToJson(graph, 1) + '\n') : await encodeNir(graph);
  const fs = await fsp();
  const tmp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new NirError(`cannot write file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
}
