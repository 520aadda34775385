import { describe, expect, it } from 'vitest';
import { NeuriteError } from '@neurite/tensor';
import { bind, createVsa, HrrError, randomVectors, Vocabulary } from '../src/index.js';

describe('HrrError', () => {
  it('is a NeuriteError with name, code, argument, path and cause', () => {
    const cause = new Error('disk full');
    const e = new HrrError('path', 'saveVocabulary: cannot write x.hrr', { code: 'ERR_FILE', path: 'x.hrr', cause });
    expect(e).toBeInstanceOf(NeuriteError);
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.argument, e.path, e.cause]).toEqual(['HrrError', 'ERR_FILE', 'path', 'x.hrr', cause]);
    expect(new HrrError('k', 'bad k').code).toBe('ERR_INVALID_ARGUMENT');
  });

  it('carries the code that fits each kind of bad input', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as HrrError).name, (e as HrrError).code, (e as HrrError).argument];
      }
      return 'no error';
    };
    expect(code(() => bind(new Float32Array(10), new Float32Array(15), { dim: 5 }))).toEqual(['HrrError', 'ERR_SHAPE', 'b']);
    expect(code(() => createVsa({ dim: 0 }))).toEqual(['HrrError', 'ERR_OUT_OF_RANGE', 'dim']);
    expect(code(() => createVsa({ dim: 2.5 }))).toEqual(['HrrError', 'ERR_INVALID_ARGUMENT', 'dim']);
    expect(code(() => randomVectors('hrr', 8, null as never))).toEqual(['HrrError', 'ERR_INVALID_ARGUMENT', 'seed']);
    expect(code(() => new Vocabulary(createVsa({ dim: 8 }), 1, { maxSimilarity: NaN }))).toEqual([
      'HrrError',
      'ERR_NOT_FINITE',
      'maxSimilarity',
    ]);
    expect(code(() => new Vocabulary(createVsa({ dim: 4 }), 1, { maxSimilarity: -1, maxTries: 2 }).create(['a', 'b']))).toEqual([
      'HrrError',
      'ERR_STATE',
      'maxSimilarity',
    ]);
  });
});
