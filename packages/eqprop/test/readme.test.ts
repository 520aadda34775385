/**
 * The README's first example runs as written (imports pointed at the workspace packages): one
 * epoch of the Scellier & Bengio 2017 preset on the project's MNIST split prints a test error, which
 * must be far below chance (90%): below 30% after one epoch (Scellier & Bengio report ~5% after one
 * epoch of the 60k-digit set; 8k digits give fewer updates, so this bound is loose on purpose).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

describe('README', () => {
  // inside the package so that '@neurite/*' resolve through the workspace's node_modules
  const dir = mkdtempSync(path.join(pkg, '.readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the MNIST example trains one epoch and prints a test error far below chance', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(dir, 'example.mjs');
    writeFileSync(script, m![1]!);
    const r = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    const e = /test error after one epoch: ([\d.]+)%/.exec(r.stdout);
    expect(e).not.toBeNull();
    expect(Number(e![1])).toBeLessThan(30);
  }, 60_000);
});
