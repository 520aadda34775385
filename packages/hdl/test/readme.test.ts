/**
 * The README's Node example runs as written (imports pointed at the built dist): it prints the
 * layer formats, a golden trace whose output counts equal its spike lines, and the file lists.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');

describe('README', () => {
  const dir = mkdtempSync(path.join(pkg, '.readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the Node example quantises, simulates and generates', async () => {
    const m = /```js\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const script = path.join(dir, 'example.mjs');
    writeFileSync(script, m![1]!.replace("'@neurite/hdl'", `'${pathToFileURL(path.join(pkg, 'dist/index.js')).href}'`));
    const r = await promisify(execFile)(process.execPath, [script], { cwd: dir });
    const lines = r.stdout.trim().split('\n');
    expect(r.stdout).toContain('lif: W 4 bits');
    expect(r.stdout).toContain('leak {"kind":"shift","shift":4}');
    const trace = lines.find((l) => l.includes('o 0 '))!.split(' | ');
    const spikes = trace.filter((t) => !t.startsWith('o ')).map((t) => t.split(' ').map(Number));
    expect(spikes.length).toBeGreaterThan(0);
    for (const k of [0, 1]) expect(trace).toContain(`o ${k} ${spikes.filter((s) => s[1] === 0 && s[2] === k).length}`);
    expect(lines[lines.length - 1]).toBe(
      'neurite_layer.v, neurite_snn_top.v, neurite_snn_l0_w.hex, neurite_snn_l0_b.hex + neurite_snn.h, neurite_snn.cpp, neurite_snn_weights.h, neurite_snn_tb.cpp',
    );
  });
});
