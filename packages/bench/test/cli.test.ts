/**
 * Runs the built CLI (packages/bench/dist/cli.js, built by `npm test` before
 * vitest) as a user would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

function runCli(args: string[]) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx tsc -p packages/bench/tsconfig.json)`);
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe('neurite-bench CLI', () => {
  it('exits 2 with a one-line reason for an unknown option, suite or backend', () => {
    const a = runCli(['--frobnicate']);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe("neurite-bench: unknown option '--frobnicate'\n");
    const b = runCli(['no-such-suite']);
    expect(b.status).toBe(2);
    expect(b.stderr).toBe(
      "neurite-bench: unknown suite 'no-such-suite' (known: tensor, nir, hrr, assembly, eqprop, snn-convert, brain4d, hdl)\n",
    );
    const c = runCli(['tensor', '--backend', 'tpu']);
    expect(c.status).toBe(2);
    expect(c.stderr.trim().split('\n')).toHaveLength(1);
    expect(c.stderr).toMatch(/^neurite-bench: option '--backend <name>' argument 'tpu' is invalid/);
    for (const r of [a, b, c]) expect(r.stdout).toBe('');
  });

  it('prints its help with exit 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: neurite-bench \[options\] \[suites\.\.\.\]/);
    for (const opt of ['--quick', '--backend', '--json']) expect(r.stdout).toContain(opt);
  });

  it('prints ONE JSON document for several suites, every row tagged with its suite', () => {
    const r = runCli(['nir', 'hrr', '--quick', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout); // throws unless stdout is exactly one document
    expect(Object.keys(doc)).toEqual(['machine', 'suites', 'results']);
    expect(doc.suites).toEqual(['nir', 'hrr']);
    const suitesOfRows = [...new Set(doc.results.map((x: { suite: string }) => x.suite))];
    expect(suitesOfRows).toEqual(['nir', 'hrr']);
    // the .nir round trip runs on the example @neurite/nir ships, so an installed bench has it
    const rw = doc.results.find(
      (x: { case: string; params: { file?: string } }) => x.case === 'read+write .nir' && x.params.file === 'lif_norse.nir',
    );
    expect(rw.value).toBeGreaterThan(0);
    expect(r.stderr).toBe(''); // no progress output when stderr is not a TTY
  }, 120_000);

  it('prints the JSON document (README.md) for `tensor --quick --json`', () => {
    const r = runCli(['tensor', '--quick', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.suites).toEqual(['tensor']);
    expect(doc.results.every((x: { suite: string }) => x.suite === 'tensor')).toBe(true);
    expect(doc.machine.cpus).toBeGreaterThan(0);
    expect(doc.machine.node).toBe(process.version);
    expect(doc.machine.backend).toBe('wasm');
    expect(Array.isArray(doc.results)).toBe(true);
    const cases = new Set(doc.results.map((x: { case: string }) => x.case));
    for (const c of [
      'matmul',
      'gatherRowsSum dense',
      'gatherRowsSum CSR',
      'topK',
      'rfft+irfft',
      'randomCSR',
      'randomCSR memory',
      'normals',
    ]) {
      expect(cases.has(c), c).toBe(true);
    }
    for (const row of doc.results) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['suite', 'case', 'params', 'backend', 'metric', 'unit', 'value']));
      expect(typeof row.params).toBe('object');
      expect(
        typeof row.goal === 'string' ||
          row.case === 'matmul b^T' ||
          row.case === 'copy' ||
          (row.case === 'matmul' && row.backend === 'cpu'),
        row.case,
      ).toBe(true);
      // A value is a positive number, or null with a "not available" note.
      if (row.value === null) expect(row.note).toMatch(/not available/);
      else expect(row.value).toBeGreaterThan(0);
      // reference and ratio come together, and the ratio is value / reference.
      expect('reference' in row).toBe('ratio' in row);
      if (row.reference) {
        expect(typeof row.reference.name).toBe('string');
        expect(row.ratio).toBeCloseTo(row.value / row.reference.value, 6);
      }
    }
    // matmul on wasm and cpu side by side.
    const backends = doc.results.filter((x: { case: string }) => x.case === 'matmul').map((x: { backend: string }) => x.backend);
    expect(backends.sort()).toEqual(['cpu', 'wasm']);
    // --quick shrinks randomCSR and says so.
    const rc = doc.results.find((x: { case: string }) => x.case === 'randomCSR');
    expect(rc.params.nRows).toBeLessThan(100_000);
    expect(String(rc.params.quick)).toMatch(/reduced/);
  }, 120_000);
});
