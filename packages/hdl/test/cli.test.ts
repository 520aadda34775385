/**
 * neurite-hdl end to end on a small seeded network: gen writes a design directory, verify runs
 * it in iverilog and g++ and finds it bit-identical; errors are one line (unsupported node named;
 * a missing simulator named with its Debian package) with exit code 1, usage errors exit 2.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraph, createNode, nirArray } from '@neurite/nir';
import { writeNir } from '@neurite/nir/node';
import { hasTool, randomChain } from './helpers.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/neurite-hdl.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-hdl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir, env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('neurite-hdl', () => {
  beforeAll(async () => {
    await writeNir(path.join(dir, 'net.nir'), randomChain({ sizes: [24, 10, 4], seed: 5, neuron: 'LIF', scale: 0.7 }));
    const branch = createGraph({
      nodes: {
        input: createNode('Input', { shape: [3] }),
        a: createNode('Linear', { weight: nirArray(new Float32Array(6).fill(0.5), [2, 3]) }),
        b: createNode('Linear', { weight: nirArray(new Float32Array(6).fill(0.5), [2, 3]) }),
        n: createNode('IF', { r: [1, 1], v_threshold: [1, 1] }),
        output: createNode('Output', { shape: [2] }),
      },
      edges: [
        ['input', 'a'],
        ['input', 'b'],
        ['a', 'n'],
        ['b', 'n'],
        ['n', 'output'],
      ],
    });
    await writeNir(path.join(dir, 'branch.nir'), branch);
  });

  it('gen writes Verilog, HLS C++, stimulus and the golden trace', async () => {
    const r = await cli([
      'gen',
      'net.nir',
      '--out',
      'design',
      '--weight-bits',
      '4',
      '--steps',
      '8',
      '--samples',
      '2',
      '--neurons-per-cycle',
      '4',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote design');
    for (const f of [
      'neurite_layer.v',
      'neurite_snn_top.v',
      'neurite_snn_tb.v',
      'hls/neurite_snn.cpp',
      'stim.hex',
      'expected.txt',
      'design.json',
    ])
      expect(existsSync(path.join(dir, 'design', f)), f).toBe(true);
  });

  it.runIf(hasTool('iverilog') && hasTool('g++'))('verify --sim iverilog: bit-identical in iverilog and g++ (--json)', async () => {
    const r = await cli(['verify', 'design', '--sim', 'iverilog', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Array<{ simulator: string; identical: boolean }> };
    expect(doc.results.map((x) => [x.simulator, x.identical])).toEqual([
      ['iverilog', true],
      ['gcc', true],
    ]);
  });

  it('a missing simulator is one line naming its Debian package', async () => {
    const r = await cli(['verify', 'design', '--sim', 'verilator', '--no-gcc'], {
      ...process.env,
      PATH: path.dirname(process.execPath) + '/__none__',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('install the Debian package verilator');
  });

  it('an unsupported graph is one line naming the node, exit 1', async () => {
    const r = await cli(['gen', 'branch.nir', '--out', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/node 'input' feeds 2 nodes/);
  });

  it('a bad option value is a usage error, exit 2', async () => {
    const r = await cli(['gen', 'net.nir', '--out', 'x', '--weight-bits', '1']);
    expect(r.code).toBe(2);
  });
});
