import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, REPO_ROOT, loadJson } from './helpers.js';
import os from 'node:os';
import { createGraph, createNode, encodeNirData, griddedToEvents, readNirData, timeGridded, writeNir } from '../src/node.js';

// Runs the built CLI (packages/nir/dist/cli.js; build with `npx tsc -p packages/nir/tsconfig.json`).
const CLI = path.join(REPO_ROOT, 'packages/nir/dist/cli.js');
const run = async (...args: string[]) => {
  try {
    const r = await promisify(execFile)('node', [CLI, ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

describe('neurite-nir CLI', () => {
  it('inspect --json equals the reference .json', async () => {
    for (const f of ['reference/nested_misc', 'paper/lif_norse']) {
      const r = await run('inspect', path.join(FIXTURES, `${f}.nir`), '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(loadJson(path.join(FIXTURES, `${f}.json`)));
    }
  });

  it('inspect prints a summary table with shapes', async () => {
    const r = await run('inspect', path.join(FIXTURES, 'paper/cnn_sinabs.nir'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 +Conv2d +\[2, 34, 34\] -> \[16, 16, 16\]$/m);
  });

  it('validate, convert .nir -> .json -> .nir, run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const src = path.join(FIXTURES, 'reference/mlp_lif.nir');
    expect((await run('validate', src)).code).toBe(0);
    expect((await run('convert', src, path.join(dir, 'a.json'))).code).toBe(0);
    expect((await run('convert', path.join(dir, 'a.json'), path.join(dir, 'b.nir'))).code).toBe(0);
    const back = await run('inspect', path.join(dir, 'b.nir'), '--json');
    expect(JSON.parse(back.stdout)).toEqual(loadJson(src.replace('.nir', '.json')));
    const input = Array.from({ length: 5 }, (_, t) => [[t % 2, 1, 0, 1]]);
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify(input));
    const r = await run('run', src, '--input', path.join(dir, 'x.json'), '--dt', '1e-4', '--steps', '3');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).output.shape).toEqual([3, 1, 3]);
    fs.rmSync(dir, { recursive: true });
  });

  it('bad input: one line naming the file, exit 1, no output file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const bad = path.join(dir, 'bad.nir');
    fs.writeFileSync(bad, fs.readFileSync(path.join(FIXTURES, 'reference/mlp_lif.nir')).subarray(0, 3000));
    const r = await run('convert', bad, path.join(dir, 'out.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(fs.readdirSync(dir)).toEqual(['bad.nir']);
    const sub = await run('validate', path.join(FIXTURES, 'paper/braille_noDelay_noBias_subtract_subgraph.nir'));
    expect(sub.code).toBe(1);
    expect(sub.stderr).toMatch(/node 'lif1' edge 'input' -> 'lif': dangling edge/);
    expect((await run('validate', '--repair', path.join(FIXTURES, 'paper/braille_noDelay_noBias_subtract_subgraph.nir'))).code).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('neurite-nir run: several Input nodes', () => {
  // out = s ⊙ (a + b) (edges into a node are summed), out_b = b
  const graph = () =>
    createGraph({
      nodes: {
        a: createNode('Input', { shape: [2] }),
        b: createNode('Input', { shape: [2] }),
        s: createNode('Scale', { scale: [2, -1] }),
        out: createNode('Output', { shape: [2] }),
        out_b: createNode('Output', { shape: [2] }),
      },
      edges: [
        ['a', 's'],
        ['b', 's'],
        ['s', 'out'],
        ['b', 'out_b'],
      ],
    });

  it('takes the input as an object keyed by Input node name (nested lists or {shape, data})', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const file = path.join(dir, 'two.nir');
    await writeNir(file, graph());
    const a = [[[1, 2]], [[3, 4]], [[0.5, -1]]]; // [T=3][B=1][2]
    const b = { shape: [3, 1, 2], data: [10, 20, 30, 40, 50, 60] };
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ b, a }));
    const r = await run('run', file, '--input', path.join(dir, 'x.json'), '--dt', '1e-3');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { shape: number[]; data: number[] }>;
    expect(Object.keys(out).sort()).toEqual(['out', 'out_b']);
    const flatA = a.flat(2);
    expect(out.out).toEqual({ shape: [3, 1, 2], data: flatA.map((v, i) => (i % 2 === 0 ? 2 : -1) * (v + b.data[i])) });
    expect(out.out_b).toEqual({ shape: [3, 1, 2], data: b.data });
    fs.rmSync(dir, { recursive: true });
  });

  it('names a missing or unknown input, and asks for names when given one array', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const file = path.join(dir, 'two.nir');
    await writeNir(file, graph());
    const x = path.join(dir, 'x.json');
    const cases: [unknown, RegExp][] = [
      [{ a: [[[1, 2]]] }, /missing input for 'b' \(Input nodes: a, b\)/],
      [{ a: [[[1, 2]]], b: [[[1, 2]]], c: [[[1, 2]]] }, /no Input node named 'c'/],
      [[[[1, 2]]], /the graph has 2 Input nodes \(a, b\): give an object keyed by their names/],
      [{ a: [[[1, 2]]], b: [[[1, 2]], [[1, 2]]] }, /inputs must share T and B/],
      [{ a: [[[1, 2]], [[3]]], b: [[[1, 2]], [[1, 2]]] }, /node 'a': input must be a regular nested list/],
    ];
    for (const [input, message] of cases) {
      fs.writeFileSync(x, JSON.stringify(input));
      const r = await run('run', file, '--input', x, '--dt', '1e-3');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    fs.rmSync(dir, { recursive: true });
  });

  it('a Rockpool-style file (Output [1, 1, 1] for one neuron): inspect and convert warn and keep it; validate / run need --type-check relaxed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const src = path.join(FIXTURES, 'exporters/rockpool_linear_lif.nir');
    const ins = await run('inspect', src);
    expect(ins.code).toBe(0);
    expect(ins.stderr).toMatch(
      /^neurite-nir: warning: .*rockpool_linear_lif\.nir: .*'1_LIFNeuronTorch' gives \[1\] but 'output' takes \[1, 1, 1\]/m,
    );
    const doc = JSON.parse((await run('inspect', src, '--json')).stdout) as {
      nodes: Record<string, unknown>;
      problems: { edge: string[] }[];
    };
    expect(doc.problems.map((p) => p.edge)).toEqual([
      ['input', '0_LinearTorch'],
      ['1_LIFNeuronTorch', 'output'],
    ]);
    const conv = await run('--json', 'convert', src, path.join(dir, 'r.json'));
    expect(conv.code).toBe(0);
    expect((JSON.parse(conv.stdout) as { problems: unknown[] }).problems).toHaveLength(2);
    // every field kept: the converted file converts back and inspects the same
    expect((await run('convert', path.join(dir, 'r.json'), path.join(dir, 'r.nir'))).code).toBe(0);
    const again = JSON.parse((await run('inspect', path.join(dir, 'r.nir'), '--json')).stdout) as typeof doc;
    const edgesOf = (d: typeof doc) => ({ ...d, problems: d.problems.map((p) => p.edge) }); // messages name each file
    expect(edgesOf(again)).toEqual(edgesOf(doc));
    const strict = await run('validate', src);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim().split('\n')).toHaveLength(1);
    expect(strict.stderr).toMatch(/edge 'input' -> '0_LinearTorch': shape mismatch/);
    expect((await run('validate', src, '--type-check', 'relaxed')).code).toBe(0);
    // Linear weight 2, LIF tau 0.02 s, dt 0.01 s: v = 1, 1.5 (spike, reset), 1, 0.5
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify([[[[[1]]]], [[[[1]]]], [[[[1]]]], [[[[0]]]]]));
    const r = await run('run', src, '--input', path.join(dir, 'x.json'), '--dt', '0.01', '--type-check', 'relaxed');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ output: { shape: [4, 1, 1, 1, 1], data: [0, 1, 0, 0] } });
    fs.rmSync(dir, { recursive: true });
  });

  it('strict numbers for --dt / --steps, bounded --steps, deeply nested input: one line each', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const src = path.join(FIXTURES, 'paper/lif_norse.nir');
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify([[[1]], [[0]]]));
    const x = path.join(dir, 'x.json');
    for (const args of [
      ['--dt', '0x10'],
      ['--dt', '1e-4', '--steps', '0x10'],
      ['--dt', '1e-4', '--steps', '1e12'],
      ['--dt', '1e-4', '--steps', '0'],
    ]) {
      const r = await run('run', src, '--input', x, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const depth = 100_000;
    fs.writeFileSync(path.join(dir, 'deep.json'), '['.repeat(depth) + '1' + ']'.repeat(depth));
    const r = await run('run', src, '--input', path.join(dir, 'deep.json'), '--dt', '1e-4');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^neurite-nir: .*deep\.json: .*nested more than 32 levels deep \[ERR_FORMAT\]$/);
    fs.rmSync(dir, { recursive: true });
  });

  it('run takes NIR data (gridded or events) as --input and writes NIR data with --output / --record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nir-cli-'));
    const src = path.join(FIXTURES, 'paper/lif_norse.nir');
    const T = 40;
    const x = Array.from({ length: T }, (_, t) => (t % 3 === 0 ? 1 : 0));
    const grid = timeGridded(x, [1, T, 1], 1e-4, { boolean: true });
    const data = (obs: unknown) => ({
      type: 'NIRGraphData' as const,
      nodes: { input: { type: 'NIRNodeData' as const, observables: { spikes: obs as typeof grid } } },
    });
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify(x.map((v) => [[v]])));
    fs.writeFileSync(path.join(dir, 'grid.h5'), await encodeNirData(data(grid)));
    fs.writeFileSync(path.join(dir, 'events.h5'), await encodeNirData(data(griddedToEvents(grid, 64))));
    const ref = await run('run', src, '--input', path.join(dir, 'x.json'), '--dt', '1e-4');
    expect(ref.code).toBe(0);
    for (const f of ['grid.h5', 'events.h5']) {
      const r = await run('run', src, '--input', path.join(dir, f), '--dt', '1e-4');
      expect(r.stdout, f).toBe(ref.stdout);
    }
    const w = await run(
      'run',
      src,
      '--input',
      path.join(dir, 'grid.h5'),
      '--dt',
      '1e-4',
      '--output',
      path.join(dir, 'out.h5'),
      '--record',
      '1',
    );
    expect(w.code).toBe(0);
    const out = await readNirData(path.join(dir, 'out.h5'));
    const { output } = JSON.parse(ref.stdout) as { output: { data: number[] } };
    const o = out.nodes.output;
    const lif = out.nodes['1'];
    if (o.type !== 'NIRNodeData' || lif.type !== 'NIRNodeData') throw new Error('expected node data');
    expect(o.observables.output.type === 'TimeGriddedData' && Array.from(o.observables.output.data.data)).toEqual(output.data);
    expect(lif.observables.output.type === 'TimeGriddedData' && lif.observables.output.boolean).toBe(true);
    expect(lif.observables.v.type === 'TimeGriddedData' && lif.observables.v.data.shape).toEqual([1, T, 1]);
    const bad = await run('run', src, '--input', path.join(dir, 'grid.h5'), '--dt', '1e-3');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/grid\.h5: .*data dt 0\.0001 s differs from --dt 0\.001 s/);
    fs.rmSync(dir, { recursive: true });
  });
});
