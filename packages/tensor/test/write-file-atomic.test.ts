import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write-file-atomic.js';
import { TensorError } from '../src/tensor-error.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'neurite-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes text and bytes (a view into a larger buffer writes only its bytes), creating the parent directory', async () => {
    const file = path.join(root, 'a', 'b', 'text.txt');
    await writeFileAtomic(file, 'héllo');
    expect(readFileSync(file, 'utf8')).toBe('héllo');
    const big = new Uint8Array([9, 1, 2, 3, 9]);
    const bin = path.join(root, 'bytes.bin');
    await writeFileAtomic(bin, big.subarray(1, 4));
    expect(Array.from(readFileSync(bin))).toEqual([1, 2, 3]);
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const dir = path.join(root, 'replace');
    mkdirSync(dir);
    const file = path.join(dir, 'f.json');
    writeFileSync(file, 'old contents');
    const data = 'x'.repeat(1 << 20);
    await writeFileAtomic(file, data);
    expect(readFileSync(file, 'utf8')).toBe(data);
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('on failure throws TensorError ERR_FILE with path and cause, and leaves no partial or temporary file', async () => {
    const dir = path.join(root, 'fail');
    mkdirSync(dir);
    const target = path.join(dir, 'is-a-directory');
    mkdirSync(target); // renaming a file over a directory fails (EISDIR) after the temp file is written
    const err = await writeFileAtomic(target, 'data').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).code).toBe('ERR_FILE');
    expect((err as TensorError).path).toBe(target);
    expect((err as TensorError).cause).toBeInstanceOf(Error);
    expect((err as TensorError).message).toContain(target);
    expect(readdirSync(dir)).toEqual(['is-a-directory']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('a parent that is a file: ERR_FILE, nothing created', async () => {
    const parent = path.join(root, 'plain-file');
    writeFileSync(parent, 'x');
    const err = await writeFileAtomic(path.join(parent, 'child.txt'), 'data').catch((e: unknown) => e);
    expect((err as TensorError).code).toBe('ERR_FILE');
    expect(readFileSync(parent, 'utf8')).toBe('x');
  });

  it('rejects an empty path with ERR_INVALID_ARGUMENT', async () => {
    const err = await writeFileAtomic('', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).code).toBe('ERR_INVALID_ARGUMENT');
    expect((err as TensorError).argument).toBe('path');
  });
});
