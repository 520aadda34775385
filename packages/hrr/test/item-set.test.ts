import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, decodeSet, encodeSet, Vocabulary } from '../src/index.js';

beforeAll(async () => { await setBackend('wasm'); });
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

describe('encodeSet / decodeSet', () => {
  it('returns exactly the members (D = 4096, 10 of 500 items)', async () => {
    const vocab = new Vocabulary(createVsa({ dim: 4096 }), 'set');
    vocabs.push(vocab);
    vocab.create(Array.from({ length: 500 }, (_, i) => `s${i}`));
    const members = ['s1', 's17', 's42', 's99', 's100', 's230', 's301', 's333', 's404', 's499'];
    const s = encodeSet(vocab, members, { normalize: true });
    const found = await decodeSet(vocab, s);
    expect(found.map((m) => m.name).sort()).toEqual([...members].sort());
    // member score cos(s, v_j) ≈ 1/√n (n = 10) with, to first order in the dot products
    // (delta method, elements N(0, 1/D)), variance (1/n)·[(n−1)/(2nD) + (n−1)((n−1)² + (n−2)/2)/(n²D)];
    // each of the 10 scores is checked within 5σ
    const n = members.length, D = vocab.vsa.dim;
    const sigma = Math.sqrt(((n - 1) / (2 * n * D) + ((n - 1) * ((n - 1) ** 2 + (n - 2) / 2)) / (n * n * D)) / n);
    for (const m of found) expect(Math.abs(m.score - 1 / Math.sqrt(n))).toBeLessThan(5 * sigma);
    expect(await decodeSet(vocab, s, { maxMembers: 3 })).toHaveLength(3);
    // the threshold decides: a threshold above every member score returns none
    expect(await decodeSet(vocab, s, { threshold: 0.9 })).toEqual([]);
  });
});
