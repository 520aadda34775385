/**
 * The README's Node example runs as written: its js block, with '@neurite/datasets' pointed at
 * the built dist/index.js, must print the split sizes and the first training digit, which is
 * checked against the mnist package's raw 0.json (first image, pixels > 0.5 as '#').
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

describe('README', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-datasets-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the Node example prints the split sizes and the first training zero', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(dir, 'example.mjs');
    writeFileSync(script, m![1]!.replace("'@neurite/datasets'", `'${pathToFileURL(path.join(pkg, 'dist/index.js')).href}'`));
    const r = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    const raw = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('mnist/src/digits/0.json'), 'utf8')) as { data: number[] })
      .data;
    const rows = Array.from({ length: 20 }, (_, i) => {
      const r0 = (i + 4) * 28;
      return Array.from({ length: 28 }, (_, c) => (raw[r0 + c]! > 0.5 ? '#' : '.')).join('');
    });
    expect(r.stdout).toBe(['MNIST: 7996 training and 2004 test digits', ...rows, 'label: 0', ''].join('\n'));
  }, 60_000);
});
