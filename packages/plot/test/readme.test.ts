/**
 * The README's Node example runs as written: its js block, with '@neurite/plot' pointed at the
 * built dist/index.js, runs in a temp directory and must write the two SVG files it names, with
 * the marks its data asks for.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { axisTitles, markItems, parseSvg } from './svg-tree.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

describe('README', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-plot-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the Node example writes similarity.svg and raster.svg', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(dir, 'example.mjs');
    writeFileSync(script, m![1]!.replace("'@neurite/plot'", `'${pathToFileURL(path.join(pkg, 'dist/index.js')).href}'`));
    const r = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    expect(r.stdout).toBe('wrote similarity.svg and raster.svg\n');
    const similarity = parseSvg(readFileSync(path.join(dir, 'similarity.svg'), 'utf8'));
    expect(markItems(similarity, 'line')).toHaveLength(2);
    expect(axisTitles(similarity)).toEqual(['bound pairs k', 'cosine']);
    const raster = parseSvg(readFileSync(path.join(dir, 'raster.svg'), 'utf8'));
    expect(markItems(raster, 'rect')).toHaveLength(4);
  }, 60_000);
});
