import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { progress } from '../src/progress.js';

const demo = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'demo-cli.mjs');
// util-linux `script` gives the child a pseudo-terminal, so its stderr is a TTY.
const hasScript = existsSync('/usr/bin/script');

describe('progress', () => {
  it('writes nothing when stderr is not a TTY', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const isTTY = process.stderr.isTTY;
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    try {
      const bar = progress(3, 'work');
      bar.tick();
      bar.update(3, 'done');
      bar.stop();
      bar.stop();
      expect(write).not.toHaveBeenCalled();
    } finally {
      Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
      vi.restoreAllMocks();
    }
  });

  it.skipIf(!hasScript)(
    'draws a bar on a terminal, and none with --json (built demo command)',
    async () => {
      const run = async (args: string) =>
        (await promisify(execFile)('script', ['-qec', `${process.execPath} ${demo} ${args}`, '/dev/null'])).stdout;
      const shown = await run('count 3');
      expect(shown).toMatch(/counting .* 3\/3/);
      expect(shown).toMatch(/^3 +9\r?$/m);
      const json = await run('count 3 --json');
      expect(json).not.toMatch(/counting/);
      expect(JSON.parse(json)).toEqual({
        rows: [
          { i: 1, square: 1 },
          { i: 2, square: 4 },
          { i: 3, square: 9 },
        ],
      });
    },
    30_000,
  );
});
