import type h5wasm from 'h5wasm';
import { NirError } from './nir-error.js';

/** The h5wasm module, loaded once, with HDF5 errors thrown (not printed). */
export type H5 = typeof h5wasm;
interface H5Module {
  FS: { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array; unlink(path: string): void };
  activate_throwing_error_handler?: () => number;
}

let loaded: Promise<{ h5: H5; module: H5Module }> | undefined;

/**
 * Load h5wasm on first use: importing it compiles its wasm HDF5 library, so it is
 * imported dynamically here, never when @neurite/nir itself is imported.
 */
export function loadH5(): Promise<{ h5: H5; module: H5Module }> {
  loaded ??= import('h5wasm').then(async ({ default: h5 }) => {
    const module = (await h5.ready) as unknown as H5Module;
    module.activate_throwing_error_handler?.();
    return { h5, module };
  });
  return loaded;
}

let counter = 0;
/** A fresh path in h5wasm's in-memory file system. */
export function scratchPath(): string {
  counter += 1;
  return `/neurite-nir-${typeof process !== 'undefined' ? process.pid : 0}-${counter}.h5`;
}

/** The innermost HDF5 reason of an h5wasm exception, one line (at most 160 characters). */
function hdf5Reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // HDF5 error stacks: keep the innermost "in FUNC(): detail", else the last "minor:", else the first line.
  const detail = [...text.matchAll(/in [A-Za-z0-9_]+\(\): ([^\n]+)/g)].map((m) => m[1].trim());
  const minors = [...text.matchAll(/minor: ([^\n]+)/g)].map((m) => m[1].trim());
  const what = detail.length > 0 ? detail[detail.length - 1] : minors.length > 0 ? minors[minors.length - 1] : text.split('\n')[0];
  return what.slice(0, 160);
}

/**
 * Turn an exception met while reading into a one-line NirError: an h5wasm / HDF5
 * exception becomes ERR_FORMAT; a NirError is located in `file`, and one about an
 * invalid value becomes ERR_FORMAT (what is invalid is the file's content).
 */
export function h5Error(e: unknown, file: string | undefined, node?: string, field?: string): NirError {
  if (e instanceof NirError) return e.inFile(file, 'ERR_FORMAT');
  return new NirError(`not a readable NIR/HDF5 file (${hdf5Reason(e)})`, { file, node, field, code: 'ERR_FORMAT', cause: e });
}

/** The same for an exception met while writing. */
export function h5WriteError(e: unknown): NirError {
  if (e instanceof NirError) return e;
  return new NirError(`cannot write the HDF5 file (${hdf5Reason(e)})`, { cause: e });
}
