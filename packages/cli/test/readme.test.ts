/**
 * The README's snippet runs as shown: its js block, with '@neurite/cli' pointed at the built
 * dist/index.js, is written to a temp file and run; the outputs must be those in its text block.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');
const block = (lang: string) => {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
  if (!m) throw new Error(`README.md has no ${lang} block`);
  return m[1];
};

describe('README', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-cli-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, 'neurite-demo.mjs');
  writeFileSync(script, block('js').replace("'@neurite/cli'", `'${pathToFileURL(path.join(pkg, 'dist/index.js')).href}'`));

  const run = async (args: string[]) => {
    try {
      const r = await promisify(execFile)(process.execPath, [script, ...args]);
      return { code: 0, out: r.stdout + r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout + x.stderr };
    }
  };

  it('prints what the README shows, with the exit codes it shows', async () => {
    // The text block: "$ command" lines, each followed by its output.
    const sessions = block('text')
      .split(/^\$ /m)
      .filter(Boolean)
      .map((s) => {
        const [cmd, ...out] = s.split('\n');
        return { cmd, out: out.join('\n') };
      });
    expect(sessions).toHaveLength(3);
    const table = await run(['squares', '3']);
    expect(sessions[0].cmd).toBe('neurite-demo squares 3');
    expect(table).toEqual({ code: 0, out: sessions[0].out });
    const json = await run(['squares', '3', '--json']);
    expect(sessions[1].cmd).toBe('neurite-demo squares 3 --json | jq -c .rows[2]');
    expect(json.code).toBe(0);
    expect(JSON.stringify(JSON.parse(json.out).rows[2]) + '\n').toBe(sessions[1].out);
    const bad = await run(['squares', '0']);
    expect(sessions[2].cmd).toBe('neurite-demo squares 0; echo $?');
    expect(`${bad.out}${bad.code}\n`).toBe(sessions[2].out);
  }, 30_000);
});
