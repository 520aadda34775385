/**
 * neurite-snn end to end on the shipped MLP (calibration only, 200 test digits, to stay quick): convert writes
 * a .nir whose evaluation through `eval` (NIR file → fromNir → compiled target) gives the accuracy `convert`
 * reported on the same digits and T; `report` writes its table and SVGs; bad input exits 1 with one line.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(pkg, 'bin/neurite-snn.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-snn-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir, maxBuffer: 1 << 24 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('neurite-snn', () => {
  it('convert → eval (wasm and loihi) → report', async () => {
    const out = path.join(dir, 'mlp.nir');
    const conv = await cli([
      'convert',
      path.join(pkg, 'examples/mnist-mlp.json'),
      '--out',
      out,
      '--T',
      '8',
      '--qcfs-epochs',
      '0',
      '--if-epochs',
      '0',
      '--limit',
      '200',
      '--json',
    ]);
    expect(conv.stderr).toBe('');
    expect(conv.code).toBe(0);
    const c = JSON.parse(conv.stdout) as { snnAccuracy: number; accuracyPerStep: number[]; strategy: string };
    expect(c.accuracyPerStep).toHaveLength(8);
    const ev = await cli(['eval', out, '--T', '8', '--limit', '200', '--json']);
    expect(ev.code).toBe(0);
    const e = JSON.parse(ev.stdout) as { accuracy: number; samples: number };
    expect(e.samples).toBe(200);
    expect(e.accuracy).toBe(c.snnAccuracy);
    const lo = await cli(['eval', out, '--T', '8', '--limit', '200', '--target', 'loihi', '--json']);
    expect(lo.code).toBe(0);
    expect((JSON.parse(lo.stdout) as { mode: string }).mode).toBe('fixed-point');
    const rep = await cli(['report', out, '--T', '8', '--limit', '100', '--svg', path.join(dir, 'svg')]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toContain('| activation sparsity |');
    for (const f of ['accuracy-vs-T.svg', 'layer-rates.svg', 'raster.svg']) expect(existsSync(path.join(dir, 'svg', f))).toBe(true);
  }, 120_000);

  it('bad input: one line on stderr, exit 1; usage errors exit 2', async () => {
    writeFileSync(path.join(dir, 'broken.json'), '{"modelTopology": {"class_name": "Sequ');
    const r = await cli(['convert', path.join(dir, 'broken.json'), '--out', path.join(dir, 'x.nir'), '--limit', '10']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^neurite-snn: .*broken\.json.*\[ERR_FORMAT\]/);
    expect(existsSync(path.join(dir, 'x.nir'))).toBe(false);
    const u = await cli(['eval', path.join(dir, 'x.nir'), '--T', '0']);
    expect(u.code).toBe(2);
  }, 60_000);
});
