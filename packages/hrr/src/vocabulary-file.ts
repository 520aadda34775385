import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@neurite/tensor/node';
import { HrrError } from './hrr-error.js';
import { decodeVocabulary, vocabularyToBytes, type LoadVocabularyOptions } from './vocabulary-bytes.js';
import type { Vocabulary } from './vocabulary.js';

function checkPath(fn: string, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0)
    throw new HrrError('path', `${fn}: path must be a non-empty string, got ${JSON.stringify(path)}`);
  return path;
}

/**
 * Saves a vocabulary to a file (Node; import from `@neurite/hrr/node`): the bytes of
 * `vocabularyToBytes` are written with `writeFileAtomic` of `@neurite/tensor/node` (temporary
 * file in the same directory, fsync, rename over `path`), so readers see the old file or the
 * new one, never a partial one. Missing parent directories are created.
 * @throws HrrError with code `ERR_FILE`, `path` set and the system error as `cause`.
 */
export async function saveVocabulary(vocab: Vocabulary, path: string): Promise<void> {
  checkPath('saveVocabulary', path);
  const bytes = await vocabularyToBytes(vocab);
  try {
    await writeFileAtomic(path, bytes);
  } catch (e) {
    const why = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    throw new HrrError('path', `saveVocabulary: cannot write ${path}: ${why}`, { code: 'ERR_FILE', path, cause: e });
  }
}

/**
 * Loads a vocabulary saved by `saveVocabulary` (Node; import from `@neurite/hrr/node`).
 * @throws HrrError naming the file: code `ERR_FILE` when it cannot be read, `ERR_FORMAT` when
 * it is tampered, truncated or not a vocabulary; `path` is set on both.
 */
export async function loadVocabulary(path: string, opts: Omit<LoadVocabularyOptions, 'source'> = {}): Promise<Vocabulary> {
  checkPath('loadVocabulary', path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new HrrError('path', `loadVocabulary: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      code: 'ERR_FILE',
      path,
      cause: e,
    });
  }
  return decodeVocabulary(bytes, { ...opts, source: path }, path);
}
