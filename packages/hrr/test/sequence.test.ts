import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import {
  bind,
  bindPower,
  createVsa,
  decodeSequence,
  encodeSequence,
  sequencePositionVector,
  Vocabulary,
  type VsaModel,
} from '../src/index.js';
import { f32Tol, l1, maxAbs, maxAbsDiff, U32 } from './helpers.js';

beforeAll(async () => {
  await setBackend('wasm');
});
const vocabs: Vocabulary[] = [];
afterAll(() => vocabs.forEach((v) => v.dispose()));

describe('encodeSequence / decodeSequence', () => {
  it.each(['hrr', 'fhrr', 'map'] as VsaModel[])(
    '%s: recovers an 8-item sequence with a position vector and with permutation',
    async (model) => {
      const vsa = createVsa({ model, dim: 2048 });
      const vocab = new Vocabulary(vsa, `seq-${model}`);
      vocabs.push(vocab);
      const names = Array.from({ length: 50 }, (_, i) => `w${i}`);
      vocab.create(names);
      const items = ['w3', 'w1', 'w4', 'w1', 'w5', 'w9', 'w2', 'w6'];
      const p = sequencePositionVector(vsa, 'pos');
      if (model === 'map') expect(() => encodeSequence(vocab, items, { position: p })).toThrow(/use position: 'permute'/);
      for (const position of model === 'map' ? (['permute'] as const) : ([p, 'permute'] as const)) {
        const s = encodeSequence(vocab, items, { position });
        const d = await decodeSequence(vocab, s, items.length, { position });
        expect(d.map((m) => m[0].name)).toEqual(items);
      }
    },
  );

  it('hrr position vectors are unitary with positive real bins: fractional positions compose', () => {
    const vsa = createVsa({ dim: 501 });
    const p = sequencePositionVector(vsa, 3);
    const [x, y, ref] = [2.5, 0.5, 3].map((e) => bindPower(p, e));
    // exact for the float32 p (positive real bins); float32 rounding of x and y before binding,
    // |δx ⊛ y| ≤ u·max|x|·‖y‖₁, and the final roundings (see bind-power.test.ts)
    expect(maxAbsDiff(bind(x, y), ref)).toBeLessThanOrEqual(U32 * (maxAbs(x) * l1(y) + maxAbs(y) * l1(x)) + f32Tol(2, maxAbs(ref)));
  });
});
