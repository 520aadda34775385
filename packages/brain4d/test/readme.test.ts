/**
 * The README's Node example runs as written (with '@neurite/brain4d' pointed at the built dist)
 * and prints the rates the simulator gives for the shipped CUBA network over 1 s.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { example } from './helpers.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

describe('README', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-brain4d-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the CUBA example prints the rates of a 1 s run', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(dir, 'example.mjs');
    const src = m![1]!
      .replace("'@neurite/brain4d/examples/cuba.json'", `'${pathToFileURL(path.join(pkg, 'examples/cuba.json')).href}'`)
      .replace("'@neurite/brain4d'", `'${pathToFileURL(path.join(pkg, 'dist/index.js')).href}'`);
    writeFileSync(script, src);
    const r = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    const sim = new Simulator(example('cuba.json'));
    const { rates, spikes } = sim.run(1000);
    expect(r.stdout).toMatch(
      new RegExp(`^exc ${rates.exc.toFixed(2)} Hz, inh ${rates.inh.toFixed(2)} Hz, ${spikes} spikes, RTF \\d+\\.\\d{3}\\n$`),
    );
  }, 60_000);
});
