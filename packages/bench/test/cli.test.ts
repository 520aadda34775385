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
  it('exits 1 with a one-line reason for an unknown option or suite', () => {
    const a = runCli(['--frobnicate']);
    expect(a.status).toBe(1);
    expect(a.stderr.trim()).toBe('neurite-bench: unknown option --frobnicate');
    const b = runCli(['no-such-suite']);
    expect(b.status).toBe(1);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/unknown suite "no-such-suite"/);
  });

  it('rejects an unknown backend with exit 1', () => {
    const r = runCli(['tensor', '--backend', 'tpu']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/backend/);
  });

  it('prints the JSON document of ARCHITECTURE.md for `tensor --quick --json`', () => {
    const r = runCli(['tensor', '--quick', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.suite).toBe('tensor');
    expect(doc.machine.cpus).toBeGreaterThan(0);
    expect(doc.machine.node).toBe(process.version);
    expect(doc.machine.backend).toBe('wasm');
    expect(Array.isArray(doc.results)).toBe(true);
    const cases = new Set(doc.results.map((x: { case: string }) => x.case));
    for (const c of ['matmul', 'gatherRowsSum dense', 'gatherRowsSum CSR', 'topK', 'rfft+irfft', 'randomCSR', 'randomCSR memory', 'normals']) {
      expect(cases.has(c), c).toBe(true);
    }
    for (const row of doc.results) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['case', 'params', 'backend', 'metric', 'unit', 'value']));
      expect(typeof row.params).toBe('object');
      expect(typeof row.goal === 'string' || row.case === 'matmul b^T' || (row.case === 'matmul' && row.backend === 'cpu'), row.case).toBe(true);
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
