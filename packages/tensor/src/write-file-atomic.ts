import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicImpl from 'write-file-atomic';
import { TensorError } from './tensor-error.js';

/**
 * Write `data` to `path` so that readers see either the old file or the whole
 * new one, never a part: the bytes go to a temporary file in the same
 * directory, are fsync'ed, then renamed over `path` (write-file-atomic). On
 * failure the temporary file is removed and `path` is untouched. The parent
 * directory is created when missing. Node only (`@neurite/tensor/node`).
 * @throws TensorError with code `ERR_FILE`, `path` set and the system error as `cause`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (typeof path !== 'string' || path.length === 0)
    throw new TensorError('path', `writeFileAtomic: path must be a non-empty string, got ${JSON.stringify(path)}`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomicImpl(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      fsync: true,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new TensorError('path', `writeFileAtomic: cannot write ${path}: ${reason}`, { code: 'ERR_FILE', path, cause: e });
  }
}
