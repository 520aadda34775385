/**
 * What a web app gets from @neurite/hrr through an ordinary bundler: esbuild with
 * `platform: 'browser'` and no plugins or flags, as a user would run it.
 * - the whole index bundles (no `node:` import is reachable from it);
 * - a program that only binds typed-array vectors pulls in no tfjs code (the index has no side
 *   effects and the typed-array path never imports tfjs).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../src');

async function bundleOf(contents: string): Promise<{ bytes: number; inputs: Metafile['outputs'][string]['inputs'] }> {
  const r = await build({
    stdin: { contents, resolveDir: SRC, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0];
  return { bytes: r.outputFiles[0].contents.length, inputs: out.inputs };
}

const contributing = (inputs: Metafile['outputs'][string]['inputs'], part: string) =>
  Object.entries(inputs)
    .filter(([file, v]) => file.includes(part) && v.bytesInOutput > 0)
    .map(([file]) => file);

describe('browser bundles of @neurite/hrr (esbuild, platform browser, no flags)', () => {
  it('the whole index bundles for the browser', async () => {
    const { inputs } = await bundleOf(`import * as hrr from './index.js'; console.log(Object.keys(hrr));`);
    expect(Object.keys(inputs).filter((f) => f.startsWith('node:') || f.includes('vocabulary-file'))).toEqual([]);
  });

  it('a bind-only program contains no tfjs code', async () => {
    const { bytes, inputs } = await bundleOf(`
      import { createVsa } from './index.js';
      const vsa = createVsa({ model: 'hrr', dim: 1024 });
      const [a, b] = [vsa.random(1), vsa.random(2)];
      console.log(vsa.similarity(vsa.unbind(vsa.bind(a, b), b), a));`);
    expect(contributing(inputs, '@tensorflow')).toEqual([]);
    expect(contributing(inputs, 'vocabulary')).toEqual([]);
    console.log(`bind-only bundle: ${(bytes / 1024).toFixed(1)} kB minified`);
  });
});
