import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, decodeSet, encodeSet, Vocabulary } from '../src/index.js';
import { bundleMemberSigma } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});
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
    // member score cos(s, v_j) ≈ 1/√n (n = 10) with σ from bundleMemberSigma (delta method);
    // each of the 10 scores is checked within 5σ (two-sided P(|N(0,1)| > 5) = 5.7e-7)
    const n = members.length,
      sigma = bundleMemberSigma(n, vocab.vsa.dim);
    for (const m of found) expect(Math.abs(m.score - 1 / Math.sqrt(n))).toBeLessThan(5 * sigma);
    expect(await decodeSet(vocab, s, { maxMembers: 3 })).toHaveLength(3);
    // the threshold decides: a threshold above every member score returns none
    expect(await decodeSet(vocab, s, { threshold: 0.9 })).toEqual([]);
  });
});
