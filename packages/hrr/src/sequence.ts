import { realFftPlan, toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt } from './check.js';
import { HrrError } from './hrr-error.js';
import type { DecodeOptions, EncodeOptions } from './record.js';
import type { CleanupMatch, Vocabulary } from './vocabulary.js';
import type { Vsa } from './vsa.js';

/**
 * How positions are marked: a unitary position vector p (item i is bound to p^{i+1}), or
 * 'permute' (item i is cyclically shifted by i+1). The MAP model needs 'permute' (its bipolar
 * vectors are self-inverse: p^2 is the identity).
 */
export type SequencePosition = Float32Array | 'permute';

/** Options of the sequence encoder and decoder. */
export interface SequenceOptions {
  /** The position code (see `SequencePosition`). */
  position: SequencePosition;
}

/**
 * A random unitary position vector for `encodeSequence`. hrr: |P_k| = 1 with random phases and
 * the real bins (DC, and Nyquist for even D) set to +1, so integer and fractional powers
 * compose exactly (p^a ⊛ p^b = p^{a+b}); fhrr: random angles; map: random bipolar.
 */
export function sequencePositionVector(vsa: Vsa, seed: SeedOrRng): Float32Array {
  const rng = toRng(seed, 'seed', HrrError);
  if (vsa.model !== 'hrr') return vsa.random(rng, 1);
  const d = vsa.dim,
    plan = realFftPlan(d);
  const spec = new Float64Array(2 * plan.bins);
  for (let k = 0; k < plan.bins; k++) {
    const real = k === 0 || 2 * k === d;
    const th = real ? 0 : (rng.uniform() * 2 - 1) * Math.PI;
    spec[2 * k] = Math.cos(th);
    spec[2 * k + 1] = Math.sin(th);
  }
  return Float32Array.from(plan.inverse(spec));
}

function positionRows(vsa: Vsa, position: SequencePosition, n: number, fn: string): Float32Array | null {
  if (position === 'permute') return null;
  if (vsa.model === 'map')
    throw new HrrError(
      'position',
      `${fn}: MAP vectors are self-inverse (p^2 = identity), so powers cannot mark positions; use position: 'permute'`,
    );
  if (!(position instanceof Float32Array) || position.length !== vsa.dim)
    throw new HrrError('position', `${fn}: position must be 'permute' or a Float32Array of length dim=${vsa.dim}`, {
      code: position instanceof Float32Array ? 'ERR_SHAPE' : 'ERR_INVALID_ARGUMENT',
    });
  const out = new Float32Array(n * vsa.dim);
  for (let i = 0; i < n; i++) out.set(vsa.power(position, i + 1), i * vsa.dim);
  return out;
}

/**
 * Sequence: s = Σ_i p^{i+1} ⊛ item_i (position vector), or s = Σ_i shift(item_i, i+1) ('permute').
 */
export function encodeSequence(vocab: Vocabulary, items: readonly string[], opts: SequenceOptions & EncodeOptions): Float32Array {
  if (items.length === 0) throw new HrrError('items', 'encodeSequence: a sequence needs at least one item');
  const vsa = vocab.vsa,
    d = vsa.dim;
  const rows = new Float32Array(items.length * d);
  items.forEach((n, i) => rows.set(vocab.get(n), i * d));
  const pos = positionRows(vsa, opts?.position, items.length, 'encodeSequence');
  let bound: Float32Array;
  if (pos) bound = vsa.bind(pos, rows);
  else {
    bound = new Float32Array(items.length * d);
    for (let i = 0; i < items.length; i++) bound.set(vsa.permute(rows.subarray(i * d, (i + 1) * d), i + 1), i * d);
  }
  return vsa.bundle(bound, { normalize: opts.normalize });
}

/**
 * Decodes positions 0..length−1: unbind p^{i+1} (or shift back by i+1) on the CPU, then one
 * batched `cleanup` on the active backend; resolves to the matches per position.
 */
export async function decodeSequence(
  vocab: Vocabulary,
  seq: ArrayLike<number>,
  length: number,
  opts: SequenceOptions & DecodeOptions,
): Promise<CleanupMatch[][]> {
  const vsa = vocab.vsa,
    d = vsa.dim;
  if (seq?.length !== d)
    throw new HrrError('seq', `decodeSequence: seq must have length dim=${d}, got ${seq?.length}`, { code: 'ERR_SHAPE' });
  checkInt('decodeSequence', 'length', length, 1);
  const pos = positionRows(vsa, opts?.position, length, 'decodeSequence');
  let queries: Float32Array;
  if (pos) queries = vsa.unbind(seq, pos);
  else {
    queries = new Float32Array(length * d);
    for (let i = 0; i < length; i++) queries.set(vsa.permute(seq, -(i + 1)), i * d);
  }
  return await (opts.memory ?? vocab).cleanup(queries, opts);
}
