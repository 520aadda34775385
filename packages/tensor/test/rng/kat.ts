import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The known answers written by test/fixtures/rng/make_kat.py from xoshiro128ss_ref.c. */
export interface Kat {
  raw_1234: number[];
  seeded: Array<{ seed: { number?: string; bigint?: string; string?: string }; state: number[]; next: number[]; uniform: number[] }>;
  uniformInt: { seed: number; bounds: number[]; values: number[] };
  split42: { child: number[]; parent: number[] };
  normal: Record<'f32' | 'f64', { seed: number; count: number; first: number[]; fnv1a32: number }>;
}

/** FNV-1a 32 over the little-endian bytes of uint32 words (as make_kat.py computes it). */
export function fnv1a32Words(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((w >>> shift) & 0xff), 0x01000193) >>> 0;
  }
  return h;
}

/** The uint32 words of a float array in little-endian order (low word first for float64). */
export function wordsOf(a: Float32Array | Float64Array): Uint32Array {
  const words = new Uint32Array(a.length * (a.BYTES_PER_ELEMENT / 4));
  const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(4 * i, true);
  return words;
}

export const kat: Kat = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/rng/xoshiro128ss-kat.json', import.meta.url)), 'utf8'));

/** The seed value of a KAT case, as createRng takes it. */
export function katSeed(s: Kat['seeded'][number]['seed']): number | bigint | string {
  if (s.number !== undefined) return Number(s.number);
  if (s.bigint !== undefined) return BigInt(s.bigint);
  return s.string as string;
}
