import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { createVsa, HrrError, Vocabulary } from '../src/index.js';
import { loadVocabulary, saveVocabulary } from '../src/node.js';

let dir = '';
beforeAll(async () => {
  await setBackend('wasm');
  dir = await mkdtemp(path.join(tmpdir(), 'hrr-vocab-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveVocabulary / loadVocabulary', () => {
  it('saves atomically (no temp file left) and loads the same vocabulary', async () => {
    const v = new Vocabulary(createVsa({ model: 'fhrr', dim: 100 }), 3);
    v.create(['alpha', 'beta', 'gamma']);
    const file = path.join(dir, 'v.hrr');
    await saveVocabulary(v, file);
    await saveVocabulary(v, file); // overwrite goes through rename too
    expect(await readdir(dir)).toEqual(['v.hrr']);
    const w = await loadVocabulary(file);
    expect(w.names).toEqual(['alpha', 'beta', 'gamma']);
    expect(w.vectors()).toEqual(v.vectors());
    expect((await w.cleanup(v.get('beta')))[0][0].name).toBe('beta');
    v.dispose();
    w.dispose();
  });

  it('refuses tampered, truncated and missing files with an HrrError naming the file', async () => {
    const v = new Vocabulary(createVsa({ dim: 64 }), 4);
    v.create(['x', 'y']);
    const file = path.join(dir, 'bad.hrr');
    await saveVocabulary(v, file);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    await expect(loadVocabulary(file)).rejects.toThrow(HrrError);
    await expect(loadVocabulary(file)).rejects.toThrow(file);
    const flipped = Buffer.from(bytes);
    flipped[40] ^= 0x10;
    await writeFile(file, flipped);
    await expect(loadVocabulary(file)).rejects.toThrow(/bad\.hrr: SHA-256 digest mismatch/);
    await expect(loadVocabulary(file)).rejects.toMatchObject({ code: 'ERR_FORMAT', path: file });
    const missing = path.join(dir, 'missing.hrr');
    await expect(loadVocabulary(missing)).rejects.toThrow(/missing\.hrr.*ENOENT/);
    await expect(loadVocabulary(missing)).rejects.toMatchObject({ name: 'HrrError', code: 'ERR_FILE', path: missing });
    // a regular file where a parent directory should be: the write fails, nothing is left behind
    const blocked = path.join(dir, 'bad.hrr', 'inside.hrr');
    await expect(saveVocabulary(v, blocked)).rejects.toMatchObject({ name: 'HrrError', code: 'ERR_FILE', path: blocked });
    expect((await readdir(dir)).sort()).toEqual(['bad.hrr', 'v.hrr']); // no temporary file left behind
    v.dispose();
  });
});
