import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { kat, katSeed } from './kat.js';

describe('createRng', () => {
  it('gives the C reference stream (nextUint32 then uniform) for every KAT seed', () => {
    for (const c of kat.seeded) {
      const rng = createRng(katSeed(c.seed));
      expect(
        Array.from({ length: 8 }, () => rng.nextUint32()),
        JSON.stringify(c.seed),
      ).toEqual(c.next);
      expect(
        Array.from({ length: 4 }, () => rng.uniform()),
        JSON.stringify(c.seed),
      ).toEqual(c.uniform);
    }
  });

  it('treats 5 and 5n as the same seed, and different strings as different seeds', () => {
    expect(createRng(5).nextUint32()).toBe(createRng(5n).nextUint32());
    expect(createRng('a').nextUint32()).not.toBe(createRng('b').nextUint32());
  });

  it('throws a TensorError naming the seed for an invalid seed', () => {
    expect(() => createRng(0.25)).toThrow(TensorError);
    expect(() => createRng(undefined as unknown as number)).toThrow(/seed/);
  });
});
