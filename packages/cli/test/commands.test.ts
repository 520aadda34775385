/**
 * Every neurite-* command follows the conventions of @neurite/cli. Runs the built commands
 * through their bin shims (build first: npx tsc -p packages/<pkg>/tsconfig.json for cli, nir,
 * assembly and bench) as a user would, with execFile.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const packages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nirFixture = path.join(packages, 'nir/test/fixtures/reference/mlp_lif.nir');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function run(bin: string, args: string[]): Promise<Run> {
  const [pkg, name] = bin.split('/');
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(packages, pkg, 'bin', `${name}.js`), ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** Exactly one line on stderr, prefixed with the command's name; nothing on stdout; no stack frames. */
function expectOneLine(r: Run, name: string, code: number, message: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith(`${name}: `)).toBe(true);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(packages, pkg, 'package.json'), 'utf8')) as { version: string }).version;

const commands = [
  { bin: 'nir/neurite-nir', subcommands: ['inspect', 'validate', 'convert', 'run'] },
  { bin: 'assembly/neurite-assembly', subcommands: ['parse', 'stats', 'explicit'] },
  { bin: 'bench/neurite-bench', subcommands: [] as string[] },
];

describe.each(commands)('$bin', ({ bin, subcommands }) => {
  const [pkg, name] = bin.split('/');

  it('has --help (exit 0, on stdout) on the command and every subcommand, each listing --json', async () => {
    const runs = await Promise.all([[], ...subcommands.map((s) => [s])].map((s) => run(bin, [...s, '--help'])));
    for (const [i, r] of runs.entries()) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Usage: ${name}${i === 0 ? '' : ` ${subcommands[i - 1]}`} `));
      expect(r.stdout).toContain('--json');
      expect(r.stdout).toContain('--profile [file]');
    }
    if (subcommands.length > 0) for (const s of subcommands) expect(runs[0].stdout).toContain(s);
  }, 60_000);

  it('prints the version of its package for --version', async () => {
    const r = await run(bin, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version(pkg));
  });

  it('exits 2 with one line for an unknown option, a missing argument or an unknown command', async () => {
    const sub = subcommands.length > 0 ? [subcommands[0]] : [];
    const [opt, miss] = await Promise.all([
      run(bin, [...sub, 'x', '--no-such-option']),
      run(bin, subcommands.length > 0 ? [] : ['no-such-suite']),
    ]);
    expectOneLine(opt, name, 2, /unknown option '--no-such-option'/);
    expectOneLine(miss, name, 2, subcommands.length > 0 ? /missing command: one of / : /unknown suite 'no-such-suite'/);
    if (subcommands.length > 0) expectOneLine(await run(bin, ['no-such-command']), name, 2, /unknown command 'no-such-command'/);
  }, 60_000);
});

describe('neurite-nir', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 for usage errors of run: missing required option, bad number, bad choice', async () => {
    const [noInput, badDt, badBackend, badSteps] = await Promise.all([
      run('nir/neurite-nir', ['run', nirFixture, '--dt', '1e-3']),
      run('nir/neurite-nir', ['run', nirFixture, '--input', 'x.json', '--dt', 'soon']),
      run('nir/neurite-nir', ['run', nirFixture, '--input', 'x.json', '--dt', '1e-3', '--backend', 'tpu']),
      run('nir/neurite-nir', ['run', nirFixture, '--input', 'x.json', '--dt', '1e-3', '--steps', '0']),
    ]);
    expectOneLine(noInput, 'neurite-nir', 2, /required option '--input <x\.json[^']*>' not specified/);
    expectOneLine(badDt, 'neurite-nir', 2, /--dt must be a decimal number > 0, got 'soon'/);
    expectOneLine(badBackend, 'neurite-nir', 2, /argument 'tpu' is invalid\. Allowed choices are wasm, cpu/);
    expectOneLine(badSteps, 'neurite-nir', 2, /--steps must be an integer in \[1, 10000000\], got '0'/);
  }, 60_000);

  it('exits 1 with one line naming the file and the error code for a missing or damaged file', async () => {
    const missing = path.join(dir, 'missing.nir');
    const notNir = path.join(packages, 'cli/package.json'); // read as the JSON form of a graph: not one
    const [a, b] = await Promise.all([run('nir/neurite-nir', ['inspect', missing]), run('nir/neurite-nir', ['validate', notNir])]);
    expectOneLine(a, 'neurite-nir', 1, /missing\.nir.*\[ERR_FILE\]$/m);
    expectOneLine(b, 'neurite-nir', 1, /package\.json.*\[ERR_[A-Z_]+\]$/m);
  }, 60_000);

  it('prints exactly one JSON document with --json for inspect, validate and convert', async () => {
    const out = path.join(dir, 'copy.json');
    const [inspect, validate, convert] = await Promise.all([
      run('nir/neurite-nir', ['inspect', nirFixture, '--json']),
      run('nir/neurite-nir', ['--json', 'validate', nirFixture]),
      run('nir/neurite-nir', ['convert', nirFixture, out, '--json']),
    ]);
    for (const r of [inspect, validate, convert]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(inspect.stdout).type).toBe('NIRGraph');
    const v = JSON.parse(validate.stdout);
    expect(v).toMatchObject({ file: nirFixture, valid: true });
    expect(v.nodes).toBe(Object.keys(JSON.parse(inspect.stdout).nodes).length);
    expect(JSON.parse(convert.stdout)).toMatchObject({ input: nirFixture, output: out, nodes: v.nodes, edges: v.edges });
    expect(readdirSync(dir)).toContain('copy.json');
  }, 60_000);
});

describe('--profile on the commands', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-cli-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('neurite-assembly explicit and neurite-nir run write a profile with their regions and kernels', async () => {
    const input = path.join(dir, 'x.json');
    // mlp_lif.nir: an input of 4 values; 3 steps of batch 1
    writeFileSync(input, JSON.stringify([[[1, 0, 1, 0]], [[0, 1, 0, 1]], [[1, 1, 1, 1]]]));
    const asm = path.join(dir, 'asm.json');
    const nir = path.join(dir, 'nir.json');
    const [a, b] = await Promise.all([
      run('assembly/neurite-assembly', [
        'explicit',
        '--n',
        '2000',
        '--k',
        '40',
        '--p',
        '0.05',
        '--rounds',
        '3',
        '--json',
        `--profile=${asm}`,
      ]),
      run('nir/neurite-nir', ['run', nirFixture, '--input', input, '--dt', '1e-3', '--backend', 'cpu', `--profile=${nir}`]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toBe('');
    const doc = JSON.parse(a.stdout) as { rounds: Array<{ support: number }>; storage: string };
    expect(doc.rounds).toHaveLength(3);
    expect(doc.rounds[0].support).toBe(40);
    expect(doc.storage).toBe('host');
    const pa = JSON.parse(readFileSync(asm, 'utf8')) as { command: string; regionTotals: Array<{ name: string; calls: number }> };
    expect(pa.command).toBe('explicit');
    expect(pa.regionTotals.find((r) => r.name === 'round')?.calls).toBe(3);
    expect(readFileSync(asm.replace(/json$/, 'svg'), 'utf8').startsWith('<svg')).toBe(true);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('profile written to');
    const pb = JSON.parse(readFileSync(nir, 'utf8')) as { backend: string; kernels: Array<{ name: string; calls: number }> };
    expect(pb.backend).toBe('cpu');
    expect(pb.kernels.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('neurite-assembly', () => {
  it('parse: dependencies as text, or one JSON document with --json', async () => {
    const [text, json] = await Promise.all([
      run('assembly/neurite-assembly', ['parse', 'cats', 'chase', 'mice']),
      run('assembly/neurite-assembly', ['parse', 'cats chase mice', '--json']),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe('chase -SUBJ-> cats\nchase -OBJ-> mice\n');
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.sentence).toBe('cats chase mice');
    expect(doc.dependencies).toHaveLength(2);
  }, 60_000);

  it('exits 1 with one line and the error code when the work fails (an unknown word), 2 for a bad option value', async () => {
    const [word, seeds, sampler] = await Promise.all([
      run('assembly/neurite-assembly', ['parse', 'cats frobnicate mice']),
      run('assembly/neurite-assembly', ['stats', '--seeds', '0']),
      run('assembly/neurite-assembly', ['stats', '--sampler', 'magic']),
    ]);
    expectOneLine(word, 'neurite-assembly', 1, /unknown word "frobnicate".*\[ERR_[A-Z_]+\]$/m);
    expectOneLine(seeds, 'neurite-assembly', 2, /--seeds must be an integer ≥ 1, got '0'/);
    expectOneLine(sampler, 'neurite-assembly', 2, /argument 'magic' is invalid\. Allowed choices are exact, reference/);
  }, 60_000);
});
