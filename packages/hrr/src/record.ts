import { HrrError } from './hrr-error.js';
import type { CleanupMatch, CleanupOptions, Vocabulary } from './vocabulary.js';

/** Options of `encodeRecord`. */
export interface EncodeOptions {
  /** Normalise the bundle (hrr: unit norm; map: sign; fhrr: always a phasor). Default false. */
  normalize?: boolean;
}

/** Options of the decoders: cleanup options plus the memory to clean up in. */
export interface DecodeOptions extends CleanupOptions {
  /** Item memory the unbound fields are cleaned up in (default: the encoding vocabulary). */
  memory?: Vocabulary;
}

function rowsOfNames(vocab: Vocabulary, names: readonly string[]): Float32Array {
  const d = vocab.vsa.dim,
    out = new Float32Array(names.length * d);
  names.forEach((n, i) => out.set(vocab.get(n), i * d));
  return out;
}

/**
 * Key–value record: r = Σ_i key_i ⊛ value_i (bind of the model), keys and values being item names
 * of `vocab`. All pairs are bound as one batch.
 * @throws HrrError naming a missing item.
 */
export function encodeRecord(
  vocab: Vocabulary,
  fields: Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>,
  opts: EncodeOptions = {},
): Float32Array {
  const pairs = Array.isArray(fields)
    ? (fields as ReadonlyArray<readonly [string, string]>)
    : Object.entries(fields as Record<string, string>);
  if (pairs.length === 0) throw new HrrError('fields', 'encodeRecord: a record needs at least one field');
  const keys = rowsOfNames(
    vocab,
    pairs.map((p) => p[0]),
  );
  const values = rowsOfNames(
    vocab,
    pairs.map((p) => p[1]),
  );
  return vocab.vsa.bundle(vocab.vsa.bind(keys, values), { normalize: opts.normalize });
}

/**
 * Decodes fields of a record: unbind each key (one batch on the CPU: q_i = unbind(r, key_i)),
 * then one batched `cleanup` in `opts.memory` (default `vocab`) on the active backend.
 * Resolves to, per key, the top-k matches ≥ threshold (async like `Vocabulary.cleanup`).
 */
export async function decodeRecord(
  vocab: Vocabulary,
  record: ArrayLike<number>,
  keys: readonly string[],
  opts: DecodeOptions = {},
): Promise<Record<string, CleanupMatch[]>> {
  if (record?.length !== vocab.vsa.dim)
    throw new HrrError('record', `decodeRecord: record must have length dim=${vocab.vsa.dim}, got ${record?.length}`, {
      code: 'ERR_SHAPE',
    });
  if (keys.length === 0) return {};
  const queries = vocab.vsa.unbind(record, rowsOfNames(vocab, keys));
  const found = await (opts.memory ?? vocab).cleanup(queries, opts);
  const out: Record<string, CleanupMatch[]> = {};
  keys.forEach((k, i) => {
    out[k] = found[i];
  });
  return out;
}
