import { HrrError } from './hrr-error.js';
import type { EncodeOptions } from './record.js';
import type { CleanupMatch, Vocabulary } from './vocabulary.js';

/** Set: the bundle of its members' vectors, s = Σ_i item_i. */
export function encodeSet(vocab: Vocabulary, members: readonly string[], opts: EncodeOptions = {}): Float32Array {
  if (members.length === 0) throw new HrrError('members', 'encodeSet: a set needs at least one member');
  const d = vocab.vsa.dim,
    rows = new Float32Array(members.length * d);
  members.forEach((n, i) => rows.set(vocab.get(n), i * d));
  return vocab.vsa.bundle(rows, { normalize: opts.normalize });
}

/** Options of `decodeSet`. */
export interface DecodeSetOptions {
  /**
   * Members are the items with similarity ≥ threshold. Default 4/√D: four standard deviations of
   * a non-member's similarity (≈ N(0, 1/D)), while a member of an n-item set scores ≈ 1/√n, so the
   * default separates them while n ≲ D/16.
   */
  threshold?: number;
  /** At most this many members are returned (default: the vocabulary size). */
  maxMembers?: number;
}

/**
 * Decodes a set: every item whose similarity to s passes the threshold, best first (one
 * `cleanup` on the active backend; resolves asynchronously like it).
 */
export async function decodeSet(vocab: Vocabulary, set: ArrayLike<number>, opts: DecodeSetOptions = {}): Promise<CleanupMatch[]> {
  if (set?.length !== vocab.vsa.dim)
    throw new HrrError('set', `decodeSet: set must have length dim=${vocab.vsa.dim}, got ${set?.length}`, { code: 'ERR_SHAPE' });
  if (vocab.size === 0) return [];
  const threshold = opts.threshold ?? 4 / Math.sqrt(vocab.vsa.dim);
  return (await vocab.cleanup(set, { k: opts.maxMembers ?? vocab.size, threshold }))[0];
}
