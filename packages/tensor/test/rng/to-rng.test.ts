import { describe, expect, it } from 'vitest';
import { toRng, isRng } from '../../src/rng/to-rng.js';
import { createRng } from '../../src/rng/create-rng.js';
import { NeuriteError } from '../../src/neurite-error.js';
import { TensorError } from '../../src/tensor-error.js';

class OtherError extends NeuriteError {
  constructor(argument: string, message: string, options: ConstructorParameters<typeof NeuriteError>[1] = {}) {
    super(message, { ...options, argument });
    this.name = 'OtherError';
  }
}

describe('isRng', () => {
  it('is true for a generator and false for seeds and other values', () => {
    expect(isRng(createRng(1))).toBe(true);
    for (const x of [1, 1n, 'a', null, undefined, {}, { uniform: () => 0 }, [1]]) expect(isRng(x)).toBe(false);
  });
});

describe('toRng', () => {
  it('a seed gives the same stream as createRng(seed)', () => {
    for (const seed of [42, 42n, 'forty-two']) {
      const a = toRng(seed),
        b = createRng(seed);
      for (let i = 0; i < 5; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    }
  });

  it('a generator is returned itself, so draws continue its stream', () => {
    const g = createRng(7);
    const ref = createRng(7);
    ref.nextUint32();
    g.nextUint32();
    expect(toRng(g)).toBe(g);
    expect(toRng(g).nextUint32()).toBe(ref.nextUint32());
  });

  it('a bad seed throws TensorError by default, naming the argument, with the cause kept', () => {
    let e: unknown;
    try {
      toRng(1.5, 'init');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(TensorError);
    expect((e as TensorError).argument).toBe('init');
    expect((e as TensorError).cause).toBeInstanceOf(Error);
  });

  it('a value of the wrong type throws the given class with code ERR_INVALID_ARGUMENT', () => {
    let e: unknown;
    try {
      toRng({} as never, 'seed', OtherError);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(OtherError);
    expect((e as OtherError).code).toBe('ERR_INVALID_ARGUMENT');
    expect((e as OtherError).message).toMatch(/^seed must be a seed \(safe integer, bigint or string\) or an Rng/);
    expect(() => toRng(null as never)).toThrow(/got null/);
  });
});
