// @neurite/brain4d/node: file IO (checkpoints, SONATA directories, network JSON files).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@neurite/tensor/node';
import { Brain4dError } from './brain4d-error.js';
import { checkpointBytes, restoreCheckpoint } from './checkpoint.js';
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

export { runPartitioned } from './run-partitioned.js';
export type { PartitionedResult } from './run-partitioned.js';
