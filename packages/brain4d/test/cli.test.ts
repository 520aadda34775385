/** neurite-brain4d: run --json, validate errors (exit 1, key path on stderr), usage errors (exit 2), SONATA export. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(pkg, 'bin', 'neurite-brain4d.js');
const cuba = path.join(pkg, 'examples', 'cuba.json');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('neurite-brain4d', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-brain4d-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run --json prints one document with rates, rtf and spikes', async () => {
    const r = await cli(['run', cuba, '--duration', '200ms', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { rates: Record<string, number>; rtf: number; spikes: number; steps: number };
    expect(Object.keys(doc.rates)).toEqual(['exc', 'inh']);
    expect(doc.steps).toBe(2000);
    expect(doc.spikes).toBeGreaterThan(0);
    expect(doc.rtf).toBeGreaterThan(0);
  }, 60_000);

  it('run --backend cpu --stream writes the spikes to files: as many as the run emitted, the same as the wasm engine', async () => {
    const out = path.join(dir, 'stream');
    const r = await cli(['run', cuba, '--duration', '100ms', '--backend', 'cpu', '--stream', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { spikes: number; backend: string; streamed: string[] };
    expect(doc.backend).toBe('cpu');
    expect(doc.streamed.map((f) => path.basename(f)).sort()).toEqual(['monitors.json', 'spikes.bin']);
    // cuba.json records every population: 8 bytes (step, id) per spike.
    expect(readFileSync(path.join(out, 'spikes.bin')).length).toBe(8 * doc.spikes);
    const wasm = JSON.parse((await cli(['run', cuba, '--duration', '100ms', '--backend', 'wasm', '--json'])).stdout) as {
      spikes: number;
      backend: string;
    };
    expect(wasm.backend).toBe('wasm');
    expect(wasm.spikes).toBe(doc.spikes);
  }, 60_000);

  it('run --backend fixed runs the fixed-point engine; an unknown backend is a usage error (exit 2)', async () => {
    const r = await cli(['run', cuba, '--duration', '50ms', '--backend', 'fixed', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { spikes: number; backend: string; steps: number };
    expect(doc.backend).toBe('fixed');
    expect(doc.steps).toBe(500);
    expect(doc.spikes).toBeGreaterThan(0);
    const bad = await cli(['run', cuba, '--backend', 'webgl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--backend: cpu, wasm, fixed or webgpu/);
  }, 60_000);

  it('validate fails with exit 1 and the key path on one stderr line', async () => {
    const bad = JSON.parse(readFileSync(cuba, 'utf8')) as Record<string, any>;
    bad.projections[3].delay = 0;
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('projections[3].delay');
  }, 60_000);

  it('usage errors exit 2', async () => {
    expect((await cli(['run', cuba, '--duration', 'soon'])).code).toBe(2);
    expect((await cli(['run', cuba, '--workers', '0'])).code).toBe(2);
  }, 60_000);

  it('export --sonata writes the circuit files', async () => {
    const out = path.join(dir, 'sonata');
    const r = await cli(['export', cuba, '--sonata', out, '--json']);
    expect(r.code).toBe(0);
    for (const f of ['network/nodes.h5', 'network/edges.h5', 'circuit_config.json', 'simulation_config.json'])
      expect(existsSync(path.join(out, f))).toBe(true);
  }, 60_000);
});
