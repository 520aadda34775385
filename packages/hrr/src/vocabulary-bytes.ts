import { HrrError } from './hrr-error.js';
import { createVsa } from './create-vsa.js';
import type { SeedOrRng } from '@neurite/tensor';
import { Vocabulary } from './vocabulary.js';
import type { VsaModel } from './vsa.js';

/**
 * Binary vocabulary format (little-endian):
 *   bytes 0..7    magic "NHRRVOC1"
 *   bytes 8..11   u32 header length H
 *   bytes 12..    header: UTF-8 JSON {format: 1, model, dim, count, names, maxSimilarity, maxTries}
 *   then zero padding to a multiple of 4, then count·dim float32 vectors in `names` order,
 *   last 32 bytes SHA-256 (Web Crypto) of every byte before them.
 */
const MAGIC = 'NHRRVOC1';
const DIGEST = 32;

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new HrrError('crypto', 'vocabulary persistence needs Web Crypto (globalThis.crypto.subtle)', { code: 'ERR_UNSUPPORTED' });
  return new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Serialises a vocabulary (model, dimension, names, vectors, creation bounds) with a SHA-256 digest. */
export async function vocabularyToBytes(vocab: Vocabulary): Promise<Uint8Array> {
  const header = new TextEncoder().encode(
    JSON.stringify({
      format: 1,
      model: vocab.vsa.model,
      dim: vocab.vsa.dim,
      count: vocab.size,
      names: vocab.names,
      maxSimilarity: vocab.maxSimilarity,
      maxTries: vocab.maxTries,
    }),
  );
  const dataStart = 12 + header.length + ((4 - ((12 + header.length) % 4)) % 4);
  const vec = vocab.vectors();
  const total = dataStart + vec.length * 4 + DIGEST;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  for (let i = 0; i < vec.length; i++) view.setFloat32(dataStart + 4 * i, vec[i], true);
  out.set(await sha256(out.subarray(0, total - DIGEST)), total - DIGEST);
  return out;
}

/** Options of `vocabularyFromBytes` / `loadVocabulary`. */
export interface LoadVocabularyOptions {
  /** Seed or Rng for items created after loading (default 0). */
  seed?: SeedOrRng;
  /** Name of the input used in error messages (a file path, a URL); default "bytes". */
  source?: string;
}

/**
 * Parses bytes written by `vocabularyToBytes`. The digest is checked before anything else is
 * read, then every field; any mismatch (tampered, truncated, digest swapped, bad header) is an
 * HrrError with code `ERR_FORMAT` naming `source`, and nothing partial is returned.
 */
export function vocabularyFromBytes(bytes: Uint8Array, opts: LoadVocabularyOptions = {}): Promise<Vocabulary> {
  return decodeVocabulary(bytes, opts);
}

/** @internal `vocabularyFromBytes`, with `path` set on its errors when the bytes came from a file. */
export async function decodeVocabulary(bytes: Uint8Array, opts: LoadVocabularyOptions, path?: string): Promise<Vocabulary> {
  const src = opts.source ?? 'bytes';
  const fail = (why: string): never => {
    throw new HrrError(
      path === undefined ? 'bytes' : 'path',
      `${path === undefined ? 'vocabularyFromBytes' : 'loadVocabulary'}: ${src}: ${why}`,
      { code: 'ERR_FORMAT', ...(path === undefined ? {} : { path }) },
    );
  };
  if (!(bytes instanceof Uint8Array))
    throw new HrrError('bytes', `vocabularyFromBytes: bytes must be a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  if (bytes.length < 12 + 2 + DIGEST) fail(`too short (${bytes.length} bytes): truncated or not a vocabulary file`);
  const body = bytes.subarray(0, bytes.length - DIGEST);
  const want = bytes.subarray(bytes.length - DIGEST);
  const got = await sha256(body);
  let diff = 0;
  for (let i = 0; i < DIGEST; i++) diff |= got[i] ^ want[i];
  if (diff !== 0) fail('SHA-256 digest mismatch: the content is tampered, truncated or its digest replaced');
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail('not a Neurite vocabulary (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = view.getUint32(8, true);
  if (12 + h > body.length) fail(`header length ${h} runs past the end`);
  let header: {
    format?: unknown;
    model?: unknown;
    dim?: unknown;
    count?: unknown;
    names?: unknown;
    maxSimilarity?: unknown;
    maxTries?: unknown;
  };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + h)));
  } catch {
    return fail('header is not valid UTF-8 JSON');
  }
  if (header === null || typeof header !== 'object') fail('header is not an object');
  if (header.format !== 1) fail(`unsupported format ${JSON.stringify(header.format)}`);
  const { model, dim, count, names } = header;
  if (model !== 'hrr' && model !== 'fhrr' && model !== 'map') fail(`unknown model ${JSON.stringify(model)}`);
  if (!Number.isSafeInteger(dim) || (dim as number) < 1) fail(`bad dim ${JSON.stringify(dim)}`);
  if (!Number.isSafeInteger(count) || (count as number) < 0) fail(`bad count ${JSON.stringify(count)}`);
  if (!Array.isArray(names) || names.length !== count || !names.every((n) => typeof n === 'string')) fail('names do not match count');
  const dataStart = 12 + h + ((4 - ((12 + h) % 4)) % 4);
  const n = (count as number) * (dim as number);
  if (dataStart + 4 * n !== body.length)
    fail(`expected ${dataStart + 4 * n + DIGEST} bytes for ${count} vectors of dim ${dim}, got ${bytes.length}`);
  const vec = new Float32Array(n);
  for (let i = 0; i < n; i++) vec[i] = view.getFloat32(dataStart + 4 * i, true);
  const vsa = createVsa({ model: model as VsaModel, dim: dim as number });
  try {
    const vocab = new Vocabulary(vsa, opts.seed ?? 0, {
      maxSimilarity: typeof header.maxSimilarity === 'number' ? header.maxSimilarity : undefined,
      maxTries: typeof header.maxTries === 'number' ? header.maxTries : undefined,
    });
    if (n > 0) vocab.add(names as string[], vec);
    return vocab;
  } catch (e) {
    return fail(`invalid content (${(e as Error).message})`);
  }
}
