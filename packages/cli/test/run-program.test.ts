import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NeuriteError } from '@neurite/tensor';
import { createProgram } from '../src/create-program.js';
import { runProgram, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../src/run-program.js';
import { isJsonMode } from '../src/json-mode.js';
import { UsageError } from '../src/usage-error.js';
import { parseInteger } from '../src/parse-integer.js';

// In-process runs of a small program; stdout and stderr are captured.
let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function demo(action: (n: number) => void = () => {}) {
  const p = createProgram({ name: 'neurite-t', version: '1.2.3', description: 'test program' });
  p.command('go')
    .description('go somewhere')
    .argument('<n>', 'a count', parseInteger('n', 0))
    .option('--fast', 'quickly')
    .action((n: number) => action(n));
  p.command('other')
    .description('another command')
    .action(() => {});
  return p;
}

describe('runProgram', () => {
  it('returns 0 and sets process.exitCode when the action succeeds', async () => {
    let seen = -1;
    expect(
      await runProgram(
        demo((n) => {
          seen = n;
        }),
        ['go', '4'],
      ),
    ).toBe(EXIT_OK);
    expect(seen).toBe(4);
    expect(process.exitCode).toBe(0);
    expect(err).toBe('');
  });

  it('prints help on stdout with 0 for --help, -h, help <command>, and the version for --version', async () => {
    expect(await runProgram(demo(), ['--help'])).toBe(0);
    expect(out).toMatch(/Usage: neurite-t/);
    expect(out).toMatch(/--json/);
    out = '';
    expect(await runProgram(demo(), ['go', '-h'])).toBe(0);
    expect(out).toMatch(/Usage: neurite-t go \[options\] <n>/);
    expect(out).toMatch(/--fast/);
    expect(out).toMatch(/--json/); // the program-wide option is listed in each subcommand's help
    out = '';
    expect(await runProgram(demo(), ['help', 'other'])).toBe(0);
    expect(out).toMatch(/Usage: neurite-t other/);
    out = '';
    expect(await runProgram(demo(), ['--version'])).toBe(0);
    expect(out.trim()).toBe('1.2.3');
    expect(err).toBe('');
  });

  it('exits 2 with one line for every kind of usage error', async () => {
    const cases: [string[], string][] = [
      [['go', '1', '--frob'], "neurite-t: unknown option '--frob'\n"],
      [['go'], "neurite-t: missing required argument 'n'\n"],
      [['go', '1', '2'], "neurite-t: too many arguments for 'go'. Expected 1 argument but got 2.\n"],
      [['go', '-1'], "neurite-t: n must be an integer ≥ 0, got '-1'\n"], // commander 14 takes '-1' as a value
      [['go', 'x'], "neurite-t: n must be an integer ≥ 0, got 'x'\n"],
      [['went'], "neurite-t: unknown command 'went'\n"],
      [[], 'neurite-t: missing command: one of go, other (see neurite-t --help)\n'],
    ];
    for (const [argv, line] of cases) {
      err = '';
      expect(await runProgram(demo(), argv), argv.join(' ')).toBe(EXIT_USAGE);
      expect(err).toBe(line);
    }
    err = '';
    expect(await runProgram(demo(), ['go', '1', '--jsn'])).toBe(EXIT_USAGE);
    expect(err).toBe("neurite-t: unknown option '--jsn' (Did you mean --json?)\n");
    err = '';
    expect(
      await runProgram(
        demo(() => {
          throw new UsageError('--a and --b\ndo not go together');
        }),
        ['go', '1'],
      ),
    ).toBe(EXIT_USAGE);
    expect(err).toBe('neurite-t: --a and --b do not go together\n');
    expect(out).toBe('');
  });

  it('exits 1 with the first line of the message and the code of a NeuriteError, no stack', async () => {
    const e = new NeuriteError('x.nir: truncated\nmore detail', { code: 'ERR_FORMAT', path: 'x.nir' });
    expect(
      await runProgram(
        demo(() => {
          throw e;
        }),
        ['go', '1'],
      ),
    ).toBe(EXIT_FAILURE);
    expect(err).toBe('neurite-t: x.nir: truncated [ERR_FORMAT]\n');
    expect(process.exitCode).toBe(1);
  });

  it('exits 1 with one line for any other error, and adds the stack only with NEURITE_DEBUG=1', async () => {
    const boom = () => {
      throw new TypeError('boom');
    };
    expect(await runProgram(demo(boom), ['go', '1'])).toBe(EXIT_FAILURE);
    expect(err).toBe('neurite-t: boom\n');
    err = '';
    vi.stubEnv('NEURITE_DEBUG', '1');
    try {
      expect(await runProgram(demo(boom), ['go', '1'])).toBe(EXIT_FAILURE);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(err.split('\n')[0]).toBe('neurite-t: boom');
    expect(err).toMatch(/TypeError: boom\n\s+at /);
  });

  it('sets JSON mode for the action when --json comes before or after the command, and resets it after', async () => {
    const seen: boolean[] = [];
    const p = demo(() => {
      seen.push(isJsonMode());
    });
    await runProgram(p, ['go', '1', '--json']);
    await runProgram(
      demo(() => {
        seen.push(isJsonMode());
      }),
      ['--json', 'go', '1'],
    );
    await runProgram(
      demo(() => {
        seen.push(isJsonMode());
      }),
      ['go', '1'],
    );
    expect(seen).toEqual([true, true, false]);
    expect(isJsonMode()).toBe(false);
  });
});

describe('a closed stdout pipe', () => {
  it('ends the command quietly when the reader stops early (… | head)', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const demoCli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'demo-cli.mjs');
    // 5,000 rows as JSON (≈ 200 kB) do not fit in the pipe's buffer (64 kB): the command is
    // still writing when the reader closes its end after the first chunk.
    const child = spawn(process.execPath, [demoCli, 'count', '5000', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
