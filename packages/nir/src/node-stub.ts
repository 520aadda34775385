// What '@neurite/nir/node' resolves to outside Node (browser bundles): everything in
// @neurite/nir, and file functions that throw a NirError pointing to the byte API.
import type { NirGraph } from './types.js';
import type { NirGraphData } from './nir-data.js';
import type { ReadOptions, ReadResult } from './decode-nir.js';
import { NirError } from './nir-error.js';

export * from './index.js';

const nodeOnly = (fn: string): NirError =>
  new NirError(`${fn} reads and writes files and needs Node; in the browser use decodeNir(bytes) / encodeNir(graph) from '@neurite/nir'`, {
    code: 'ERR_UNSUPPORTED',
  });

/** Node only: throws here (use `decodeNir(bytes)`). */
export async function readNirFile(_path: string, _opts: Omit<ReadOptions, 'file'> = {}): Promise<ReadResult> {
  throw nodeOnly('readNirFile');
}

/** Node only: throws here (use `(await decodeNir(bytes)).graph`). */
export async function readNir(_path: string, _opts: Omit<ReadOptions, 'file'> = {}): Promise<NirGraph> {
  throw nodeOnly('readNir');
}

/** Node only: throws here (use `encodeNir(graph)`). */
export async function writeNir(_path: string, _graph: NirGraph): Promise<void> {
  throw nodeOnly('writeNir');
}

/** Node only: throws here (use `decodeNirData(bytes)`). */
export async function readNirData(_path: string): Promise<NirGraphData> {
  throw nodeOnly('readNirData');
}

/** Node only: throws here (use `encodeNirData(data)`). */
export async function writeNirData(_path: string, _data: NirGraphData): Promise<void> {
  throw nodeOnly('writeNirData');
}
