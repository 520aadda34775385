import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { cleanupProbability, createVsa, decodeRecord, encodeRecord, HrrError, Vocabulary } from '../src/index.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

describe('encodeRecord / decodeRecord', () => {
  it('decodes every field of a 6-field record in a 300-item memory (D = 1024)', async () => {
    const vsa = createVsa({ dim: 1024 });
    const keys = new Vocabulary(vsa, 'keys');
    keys.create(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    const fillers = new Vocabulary(vsa, 'fill', { maxSimilarity: 0.15 });
    fillers.create(Array.from({ length: 300 }, (_, i) => `v${i}`));
    vocabs.push(keys, fillers);
    // one vocabulary holding both (records bind names of one vocabulary)
    const all = new Vocabulary(vsa, 'all');
    vocabs.push(all);
    all.add(keys.names, keys.vectors());
    all.add(fillers.names, fillers.vectors());
    const fields = { k0: 'v10', k1: 'v20', k2: 'v30', k3: 'v40', k4: 'v50', k5: 'v299' };
    // the theory says this is reliable: P(one field correct) close to 1
    expect(cleanupProbability({ dim: 1024, items: 300, bundle: 6 })).toBeGreaterThan(0.999);
    const r = encodeRecord(all, fields, { normalize: true });
    const d = await decodeRecord(all, r, Object.keys(fields), { memory: fillers, k: 2 });
    for (const [k, v] of Object.entries(fields)) {
      expect(d[k][0].name).toBe(v);
      expect(d[k][0].score).toBeGreaterThan(d[k][1].score);
    }
    const dt = await decodeRecord(all, r, ['k0'], { memory: fillers, k: 5, threshold: 0.2 });
    expect(dt.k0.map((m) => m.name)).toEqual(['v10']);
  });

  it('names a missing item', () => {
    const v = new Vocabulary(createVsa({ dim: 64 }), 1);
    vocabs.push(v);
    v.create(['a']);
    expect(() => encodeRecord(v, { a: 'zzz' })).toThrow(HrrError);
    expect(() => encodeRecord(v, { a: 'zzz' })).toThrow(/"zzz"/);
  });
});
