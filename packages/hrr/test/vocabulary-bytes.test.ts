import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, setBackend } from '@neurite/tensor';
import { createVsa, HrrError, Vocabulary, vocabularyFromBytes, vocabularyToBytes, type VsaModel } from '../src/index.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

function make(model: VsaModel, seed: string, n = 5, dim = 33): Vocabulary {
  const v = new Vocabulary(createVsa({ model, dim }), seed, { maxSimilarity: 0.9, maxTries: 7 });
  v.create(Array.from({ length: n }, (_, i) => `w${i}-é`));
  vocabs.push(v);
  return v;
}

async function rejects(bytes: Uint8Array, source: string): Promise<HrrError> {
  try {
    const v = await vocabularyFromBytes(bytes, { source });
    v.dispose();
  } catch (e) {
    expect(e).toBeInstanceOf(HrrError);
    expect((e as HrrError).message).toContain(source);
    expect([(e as HrrError).code, (e as HrrError).argument]).toEqual(['ERR_FORMAT', 'bytes']);
    return e as HrrError;
  }
  throw new Error(`accepted corrupted input ${source}`);
}

describe('vocabularyToBytes / vocabularyFromBytes', () => {
  it.each(['hrr', 'fhrr', 'map'] as const)('round-trips a %s vocabulary exactly', async (model) => {
    const v = make(model, model);
    const w = await vocabularyFromBytes(await vocabularyToBytes(v));
    vocabs.push(w);
    expect(w.vsa.model).toBe(model);
    expect(w.names).toEqual(v.names);
    expect(w.vectors()).toEqual(v.vectors());
    expect([w.maxSimilarity, w.maxTries]).toEqual([0.9, 7]);
  });

  it('round-trips an empty vocabulary', async () => {
    const v = new Vocabulary(createVsa({ dim: 4 }), 1);
    const w = await vocabularyFromBytes(await vocabularyToBytes(v));
    expect(w.size).toBe(0);
  });

  it('fuzz: every truncation, random byte flips and swapped digests are refused with HrrError naming the input', async () => {
    const good = await vocabularyToBytes(make('hrr', 'fuzz', 3, 16));
    const other = await vocabularyToBytes(make('hrr', 'fuzz-other', 3, 16));
    expect(good.length).toBe(other.length);
    // truncation at every length
    for (let len = 0; len < good.length; len++) await rejects(good.slice(0, len), `trunc-${len}`);
    // one extra byte
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    await rejects(longer, 'extended');
    // flips: every byte position once (random non-zero xor), then random multi-byte damage
    const rng = createRng('flip');
    for (let i = 0; i < good.length; i++) {
      const bad = good.slice();
      bad[i] ^= 1 + rng.uniformInt(255);
      await rejects(bad, `flip-${i}`);
    }
    for (let t = 0; t < 200; t++) {
      const bad = good.slice();
      const n = 1 + rng.uniformInt(8);
      for (let j = 0; j < n; j++) bad[rng.uniformInt(bad.length)] ^= 1 + rng.uniformInt(255);
      await rejects(bad, `multi-${t}`);
    }
    // digest swapped with another valid file's digest
    const swapped = good.slice();
    swapped.set(other.subarray(other.length - 32), good.length - 32);
    const e = await rejects(swapped, 'swapped.hrr');
    expect(e.message).toMatch(/digest mismatch/);
    // content of another file under this file's digest
    const swapped2 = other.slice();
    swapped2.set(good.subarray(good.length - 32), other.length - 32);
    await rejects(swapped2, 'swapped2.hrr');
  });

  it('refuses a well-digested file with an invalid header', async () => {
    // a valid digest over a bad header: forged with Web Crypto like the writer does
    const header = new TextEncoder().encode('{"format":1,"model":"hrr","dim":4,"count":2,"names":["a"]}');
    const body = new Uint8Array(12 + header.length + ((4 - ((12 + header.length) % 4)) % 4));
    body.set(new TextEncoder().encode('NHRRVOC1'));
    new DataView(body.buffer).setUint32(8, header.length, true);
    body.set(header, 12);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    const bytes = new Uint8Array(body.length + 32);
    bytes.set(body);
    bytes.set(digest, body.length);
    const e = await rejects(bytes, 'forged');
    expect(e.message).toMatch(/names do not match count/);
  });
});
