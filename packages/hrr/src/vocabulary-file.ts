import { HrrError } from './hrr-error.js';
import { vocabularyFromBytes, vocabularyToBytes, type LoadVocabularyOptions } from './vocabulary-bytes.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Saves a vocabulary to a file (Node): the bytes of `vocabularyToBytes` are written to a
 * temporary file in the same directory, flushed, then renamed over `path`, so readers see the
 * old file or the new one, never a partial one.
 */
export async function saveVocabulary(vocab: Vocabulary, path: string): Promise<void> {
  if (typeof path !== 'string' || path.length === 0) throw new HrrError('path', 'saveVocabulary: path must be a non-empty string');
  const fs = await import('node:fs/promises');
  const bytes = await vocabularyToBytes(vocab);
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}.tmp`;
  let fh: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    fh = await fs.open(tmp, 'wx');
    await fh.writeFile(bytes);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await fs.rename(tmp, path);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new HrrError(path, `saveVocabulary: cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Loads a vocabulary saved by `saveVocabulary` (Node); HrrError naming the file when it is missing, tampered or truncated. */
export async function loadVocabulary(path: string, opts: Omit<LoadVocabularyOptions, 'source'> = {}): Promise<Vocabulary> {
  if (typeof path !== 'string' || path.length === 0) throw new HrrError('path', 'loadVocabulary: path must be a non-empty string');
  const fs = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(path));
  } catch (e) {
    throw new HrrError(path, `loadVocabulary: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return vocabularyFromBytes(bytes, { ...opts, source: path });
}
