import { describe, expect, it } from 'vitest';
import { NeuriteError } from '../src/neurite-error.js';
import { TensorError } from '../src/tensor-error.js';
import { topK } from '../src/topk.js';

describe('TensorError', () => {
  it('is a NeuriteError and an Error, named TensorError, with (argument, message, options)', () => {
    const e = new TensorError('k', 'topK: k must be an integer', { code: 'ERR_OUT_OF_RANGE' });
    expect(e).toBeInstanceOf(TensorError);
    expect(e).toBeInstanceOf(NeuriteError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('TensorError');
    expect(e.argument).toBe('k');
    expect(e.code).toBe('ERR_OUT_OF_RANGE');
    expect(e.message).toBe('topK: k must be an integer');
  });

  it('defaults to ERR_INVALID_ARGUMENT and keeps path and cause', () => {
    const cause = new RangeError('inner');
    const e = new TensorError('path', 'outer', { path: '/tmp/f', cause });
    expect(e.code).toBe('ERR_INVALID_ARGUMENT');
    expect(e.path).toBe('/tmp/f');
    expect(e.cause).toBe(cause);
  });

  it('is what the package throws: topK with k > n names k', () => {
    let caught: unknown;
    try {
      topK(new Float32Array(10), 11);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TensorError);
    expect((caught as TensorError).argument).toBe('k');
    expect((caught as TensorError).message).toMatch(/^topK: k /);
  });
});
