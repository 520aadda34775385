/**
 * EqProp (neurite-eqprop/1 convention): the quantised fixed-iteration relaxation against the float
 * one, and the generated HLS C++ (g++) and Verilog (iverilog, Verilator; lint-clean under -Wall)
 * bit-identical to the TypeScript model, for synchronous and asynchronous dynamics, state and
 * affine readouts.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGraph, nirArray, type NirGraph } from '@neurite/nir';
import { createRng } from '@neurite/tensor';
import {
  readEqprop,
  relaxFloat,
  quantizeEqprop,
  quantizeEqpropInput,
  relaxQuantized,
  generateEqpropHls,
} from '../src/eqprop-relaxation.js';
import { runTool } from '../src/run-tool.js';
import { generateEqpropVerilog } from '../src/eqprop-verilog.js';
import { hasTool } from './helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'neurite-hdl-eqprop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A graph in the neurite-eqprop/1 convention (as @neurite/eqprop's toNir writes it), seeded weights. */
function eqpropGraph(sizes: number[], seed: number, dynamics: 'laborieux' | 'async', readout: 'state' | 'softmax'): NirGraph {
  const rng = createRng(seed);
  const L = sizes.length - 1;
  const S = readout === 'state' ? L : L - 1;
  const nodes: Record<string, unknown> = { input: { type: 'Input', shape: [sizes[0]] }, output: { type: 'Output', shape: [sizes[L]] } };
  const edges: [string, string][] = [];
  const st = (l: number) => (l === 0 ? 'input' : `s${l}`);
  for (let l = 1; l <= S; l++)
    nodes[`s${l}`] = {
      type: 'Scale',
      scale: nirArray(new Float32Array(sizes[l]).fill(1)),
      metadata: { eqprop_role: 'state', layer: BigInt(l), activation: 'hard-sigmoid' },
    };
  for (let l = 0; l < L; l++) {
    const [m, n] = [sizes[l], sizes[l + 1]];
    const w = rng.uniformArray(new Float32Array(n * m), -0.6, 0.6);
    nodes[`w${l}`] = { type: 'Affine', weight: nirArray(w, [n, m]), bias: nirArray(rng.uniformArray(new Float32Array(n), 0, 0.3)) };
    edges.push([st(l), `w${l}`], [`w${l}`, l + 1 <= S ? st(l + 1) : 'output']);
    if (l >= 1 && l + 1 <= S) {
      const t = new Float32Array(m * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j * n + i] = w[i * m + j];
      nodes[`w${l}_T`] = { type: 'Affine', weight: nirArray(t, [m, n]), bias: nirArray(new Float32Array(m)) };
      edges.push([st(l + 1), `w${l}_T`], [`w${l}_T`, st(l)]);
    }
  }
  if (S === L) edges.push([st(L), 'output']);
  return createGraph({
    nodes,
    edges,
    metadata: {
      eqprop_convention: 'neurite-eqprop/1',
      activation: 'hard-sigmoid',
      dynamics,
      steps: 20n,
      gamma: 0.5,
      readout: readout === 'state' ? 'state' : 'softmax',
    },
  });
}

const cases = [
  { id: '12-8-6-4 laborieux, state readout', sizes: [12, 8, 6, 4], dynamics: 'laborieux' as const, readout: 'state' as const },
  { id: '10-8-5 async, affine readout', sizes: [10, 8, 5], dynamics: 'async' as const, readout: 'softmax' as const },
];

describe.each(cases)('$id', (c) => {
  const spec = readEqprop(eqpropGraph(c.sizes, c.sizes.length, c.dynamics, c.readout));
  const rng = createRng(3);
  const xs = Array.from({ length: 6 }, () => Array.from(rng.uniformArray(new Float64Array(c.sizes[0]), 0, 1)));

  it('12-bit states follow the float relaxation (|Δ| ≤ 0.02 per output; the argmax agrees)', () => {
    // 12 fraction bits for states, 12-bit weights: per-iteration rounding ≈ 2^−12 · fan-in, accumulated over
    // 20 damped iterations stays far below 0.02 of the unit state range (and of the readout for 'softmax').
    const q = quantizeEqprop(spec, { weightBits: 12, stateBits: 12, gammaBits: 12 });
    for (const x of xs) {
      const f = relaxFloat(spec, x);
      const r = relaxQuantized(q, quantizeEqpropInput(q, x)).output.map(
        (v) => v / 2 ** (q.stateBits + (c.readout === 'softmax' ? q.weightFrac : 0)),
      );
      for (let k = 0; k < f.length; k++) expect(Math.abs(r[k] - f[k])).toBeLessThan(0.02);
    }
  });

  it.runIf(hasTool('g++'))('HLS C++ (6-bit weights, 8-bit states) under g++ is bit-identical to the TypeScript model', async () => {
    const q = quantizeEqprop(spec, { weightBits: 6, stateBits: 8, gammaBits: 8 });
    const dir = path.join(root, c.id.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    for (const [f, t] of Object.entries(generateEqpropHls(q))) writeFileSync(path.join(dir, f), t);
    const inputs = xs.map((x) => Array.from(quantizeEqpropInput(q, x)));
    writeFileSync(path.join(dir, 'inputs.txt'), inputs.map((v) => v.join(' ')).join('\n') + '\n');
    await runTool(
      'g++',
      ['-std=c++17', '-O2', '-Wall', '-Wextra', '-Wno-unknown-pragmas', '-o', 'tb', 'neurite_eqprop_tb.cpp', 'neurite_eqprop.cpp'],
      { cwd: dir },
    );
    await runTool(path.join(dir, 'tb'), ['inputs.txt', 'trace.txt'], { cwd: dir });
    const expected = inputs.flatMap((x) => relaxQuantized(q, x).trace);
    expect(readFileSync(path.join(dir, 'trace.txt'), 'utf8').trimEnd().split('\n')).toEqual(expected);
  });
});

describe.each(cases)('$id: Verilog', (c) => {
  const spec = readEqprop(eqpropGraph(c.sizes, c.sizes.length, c.dynamics, c.readout));
  const q = quantizeEqprop({ ...spec, steps: 6 }, { weightBits: 6, stateBits: 8 });
  const rng = createRng(5);
  const inputs = [0, 1, 2].map(() => Array.from(quantizeEqpropInput(q, rng.uniformArray(new Float64Array(c.sizes[0]), 0, 1))));
  const dir = path.join(root, 'v-' + c.id.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  for (const [f, t] of Object.entries(generateEqpropVerilog(q, inputs.length))) writeFileSync(path.join(dir, f), t);
  writeFileSync(path.join(dir, 'inputs.hex'), inputs.flatMap((x) => x.map((v) => v.toString(16))).join('\n') + '\n');
  const expected = inputs.flatMap((x) => relaxQuantized(q, x).trace);

  it.runIf(hasTool('verilator'))('lint clean under verilator --lint-only -Wall', async () => {
    const r = await runTool('verilator', ['--lint-only', '-Wall', 'neurite_eqprop.v'], { cwd: dir });
    expect(r.stderr).toBe('');
  });
  it.runIf(hasTool('iverilog'))('iverilog trace is bit-identical', async () => {
    await runTool('iverilog', ['-g2005', '-o', 'e.vvp', 'neurite_eqprop_tb.v', 'neurite_eqprop.v'], { cwd: dir });
    await runTool('vvp', ['-n', 'e.vvp'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'trace.txt'), 'utf8').trimEnd().split('\n')).toEqual(expected);
  });
  it.runIf(hasTool('verilator') && c.dynamics === 'async')('Verilator trace is bit-identical', async () => {
    await runTool(
      'verilator',
      [
        '--binary',
        '--timing',
        '-Wno-fatal',
        '-Wno-lint',
        '-Wno-style',
        '--Mdir',
        'obj',
        '--top-module',
        'neurite_eqprop_tb',
        'neurite_eqprop_tb.v',
        'neurite_eqprop.v',
      ],
      { cwd: dir },
    );
    rmSync(path.join(dir, 'trace.txt'), { force: true });
    await runTool(path.join(dir, 'obj', 'Vneurite_eqprop_tb'), [], { cwd: dir });
    expect(readFileSync(path.join(dir, 'trace.txt'), 'utf8').trimEnd().split('\n')).toEqual(expected);
  });
});

describe('readEqprop', () => {
  it('rejects graphs outside the convention', () => {
    const g = eqpropGraph([4, 3, 2], 1, 'laborieux', 'state');
    expect(() => readEqprop({ ...g, metadata: {} })).toThrow(/eqprop_convention/);
    expect(() => readEqprop({ ...g, metadata: { ...g.metadata, activation: 'sigmoid' } })).toThrow(/hard-sigmoid/);
    expect(() => readEqprop({ ...g, metadata: { ...g.metadata, dynamics: 'scellier' } })).toThrow(/scellier/);
  });
});
