import { describe, expect, it } from 'vitest';
import { NeuriteError } from '../src/neurite-error.js';

describe('NeuriteError', () => {
  it('carries message, code, argument, path and cause; name is NeuriteError', () => {
    const cause = new Error('EACCES');
    const e = new NeuriteError('cannot write x', { code: 'ERR_FILE', argument: 'path', path: '/x', cause });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(NeuriteError);
    expect(e.name).toBe('NeuriteError');
    expect(e.message).toBe('cannot write x');
    expect(e.code).toBe('ERR_FILE');
    expect(e.argument).toBe('path');
    expect(e.path).toBe('/x');
    expect(e.cause).toBe(cause);
    expect(String(e)).toBe('NeuriteError: cannot write x');
  });

  it('defaults: code ERR_INVALID_ARGUMENT, argument empty, path undefined, no cause property', () => {
    const e = new NeuriteError('bad');
    expect(e.code).toBe('ERR_INVALID_ARGUMENT');
    expect(e.argument).toBe('');
    expect(e.path).toBeUndefined();
    expect('cause' in e).toBe(false);
  });

  it('has a stack that starts with its name and message', () => {
    const e = new NeuriteError('stack check');
    expect(e.stack?.split('\n')[0]).toBe('NeuriteError: stack check');
  });
});
