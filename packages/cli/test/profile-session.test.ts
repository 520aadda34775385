import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isProfiling, profileRegion, setBackend, tf, type ProfileReport } from '@neurite/tensor';
import { createProgram } from '../src/create-program.js';
import { runProgram, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../src/run-program.js';
import { printJson } from '../src/print-json.js';
import { profileFile } from '../src/profile-session.js';

let out = '';
let err = '';
beforeAll(async () => {
  await setBackend('cpu');
});
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
  expect(isProfiling()).toBe(false);
});

/** A program whose `work` action runs two marked steps of tfjs work (and fails with --fail). */
function demo() {
  const p = createProgram({ name: 'neurite-t', version: '1.0.0', description: 'test' });
  p.command('work')
    .argument('[n]', 'size', '32')
    .option('--fail', 'throw after the work')
    .action(async (n: string, o: { fail?: boolean }) => {
      const size = Number(n);
      await profileRegion('build', () => {
        const a = tf.ones([size, size]);
        const b = tf.matMul(a, a);
        return b.data().then(() => tf.dispose([a, b]));
      });
      profileRegion('sum', () => tf.tidy(() => tf.sum(tf.ones([size]))).dispose());
      if (o.fail) throw new Error('the work failed');
      printJson({ done: true });
    });
  return p;
}

describe('--profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'neurite-cli-profile-'));

  it('writes the report as JSON and an SVG timeline, and the table on stderr', async () => {
    const file = join(dir, 'a.json');
    expect(await runProgram(demo(), ['work', '16', `--profile=${file}`])).toBe(EXIT_OK);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ProfileReport & { command: string };
    expect(report.command).toBe('work');
    expect(report.regionTotals.map((r) => r.name).sort()).toEqual(['build', 'sum']);
    expect(report.kernels.find((k) => k.name === 'BatchMatMul')?.calls).toBe(1);
    // the [16, 16] ones and the product held at once
    expect(report.memory.peakBytes - report.memory.startBytes).toBeGreaterThanOrEqual(2 * 16 * 16 * 4);
    const svg = readFileSync(join(dir, 'a.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('build');
    expect(err).toContain('BatchMatMul');
    expect(err).toContain(`profile written to ${file}`);
    expect(JSON.parse(out)).toEqual({ done: true });
  });

  it('writes the profile of a failed action too, and keeps exit 1', async () => {
    const file = join(dir, 'failed.json');
    expect(await runProgram(demo(), ['--profile', file, 'work', '--fail'])).toBe(EXIT_FAILURE);
    expect(existsSync(file)).toBe(true);
    expect(err).toContain('neurite-t: the work failed');
  });

  it('keeps stderr free of the table with --json', async () => {
    const file = join(dir, 'quiet.json');
    expect(await runProgram(demo(), ['work', '--json', `--profile=${file}`])).toBe(EXIT_OK);
    expect(existsSync(file)).toBe(true);
    expect(err).toBe('');
  });

  it('refuses a file that does not end in .json (a bare --profile before an argument)', async () => {
    expect(await runProgram(demo(), ['work', '--profile', '12'])).toBe(EXIT_USAGE);
    expect(err).toMatch(/--profile: the profile file must end in .json/);
  });

  it('runs no session without --profile', async () => {
    expect(await runProgram(demo(), ['work'])).toBe(EXIT_OK);
    expect(err).toBe('');
  });

  it('names the default file after the program', () => {
    expect(profileFile('neurite-x', true)).toBe('neurite-x-profile.json');
    expect(profileFile('neurite-x', undefined)).toBeNull();
    expect(profileFile('neurite-x', 'p.json')).toBe('p.json');
  });
});
