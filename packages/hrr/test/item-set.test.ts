import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, decodeSet, encodeSet, Vocabulary } from '../src/index.js';

beforeAll(async () => { await setBackend('wasm'); });
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

describe('encodeSet / decodeSet', () => {
  it('returns exactly the members (D = 4096, 10 of 500 items)', () => {
    const vocab = new Vocabulary(createVsa({ dim: 4096 }), 'set');
    vocabs.push(vocab);
    vocab.create(Array.from({ length: 500 }, (_, i) => `s${i}`));
    const members = ['s1', 's17', 's42', 's99', 's100', 's230', 's301', 's333', 's404', 's499'];
    const s = encodeSet(vocab, members, { normalize: true });
    const found = decodeSet(vocab, s);
    expect(found.map((m) => m.name).sort()).toEqual([...members].sort());
    // member score ≈ 1/√10
    for (const m of found) expect(Math.abs(m.score - 1 / Math.sqrt(10))).toBeLessThan(0.1);
    expect(decodeSet(vocab, s, { maxMembers: 3 })).toHaveLength(3);
  });
});
