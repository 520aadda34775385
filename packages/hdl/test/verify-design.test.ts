/**
 * The generated Verilog (in iverilog and in Verilator) and the HLS C++ (under g++) are bit-identical
 * to the TypeScript golden model on seeded random networks and spike trains: every spike of every
 * layer at every step, and every output count, in the same order. Several shapes, both leaks, both
 * resets, 1 to 10 neurons per cycle, initialised and stream-loaded weights, random stream gaps and
 * back-pressure in the testbench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quantize } from '../src/quantize.js';
import { simulateQuantized } from '../src/simulate-quantized.js';
import { writeDesign } from '../src/write-design.js';
import { verifyDesign } from '../src/verify-design.js';
import { hasTool, randomChain, randomSpikes } from './helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'neurite-hdl-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = [
  {
    id: 'lif-20-12-5-shift-p4',
    sizes: [20, 12, 5],
    neuron: 'LIF' as const,
    leak: 'shift' as const,
    wb: 4,
    P: 4,
    steps: 12,
    resetMode: 'subtract' as const,
    scale: 0.6,
    verilator: true,
  },
  {
    id: 'lif-16-8-8-3-mul-p1',
    sizes: [16, 8, 8, 3],
    neuron: 'LIF' as const,
    leak: 'mul' as const,
    wb: 6,
    P: 1,
    steps: 10,
    resetMode: 'to_v_reset' as const,
    scale: 1.5,
    verilator: true,
  },
  {
    id: 'lif-40-16-6-loaded-weights-p8',
    sizes: [40, 16, 6],
    neuron: 'LIF' as const,
    leak: 'shift' as const,
    wb: 5,
    P: 8,
    steps: 8,
    resetMode: 'subtract' as const,
    scale: 0.6,
    verilator: false,
    weightStore: [true, true],
  },
  {
    id: 'if-33-10-4-p10-reset',
    sizes: [33, 10, 4],
    neuron: 'IF' as const,
    leak: 'shift' as const,
    wb: 3,
    P: 10,
    steps: 9,
    resetMode: 'to_v_reset' as const,
    vReset: -0.25,
    scale: 0.6,
    verilator: false,
  },
];

describe.each(cases)('$id', (c) => {
  const dir = path.join(root, c.id);
  const ready = (async () => {
    const graph = randomChain({
      sizes: c.sizes,
      seed: c.sizes.length * 100 + c.wb,
      neuron: c.neuron,
      resetMode: c.resetMode,
      vReset: c.vReset,
      scale: c.scale,
    });
    const stim = randomSpikes(3, c.steps, c.sizes[0], 0.3, c.wb);
    const net = quantize(graph, { weightBits: c.wb, leak: c.leak, calibration: stim });
    await writeDesign(dir, net, {
      steps: c.steps,
      neuronsPerCycle: c.P,
      stimulus: stim,
      target: 'both',
      weightStore: 'weightStore' in c ? c.weightStore : 'rom',
    });
    return simulateQuantized(net, stim);
  })();

  it('the golden model spikes (so the comparison is not between silent traces)', async () => {
    const r = await ready;
    for (const s of r.spikes) expect(s).toBeGreaterThan(0);
  });
  it.runIf(hasTool('iverilog'))('iverilog trace is bit-identical', async () => {
    await ready;
    const v = await verifyDesign(dir, 'iverilog');
    expect(v.firstDifference).toBeUndefined();
    expect(v.identical).toBe(true);
    expect(v.cycles).toBeGreaterThan(0);
  });
  it.runIf(c.verilator && hasTool('verilator'))('Verilator trace is bit-identical', async () => {
    await ready;
    const v = await verifyDesign(dir, 'verilator');
    expect(v.firstDifference).toBeUndefined();
    expect(v.identical).toBe(true);
  });
  it.runIf(hasTool('g++'))('HLS C++ under g++ is bit-identical', async () => {
    await ready;
    const v = await verifyDesign(dir, 'gcc');
    expect(v.firstDifference).toBeUndefined();
    expect(v.identical).toBe(true);
  });
});

describe('IF layer + Affine readout (membrane out, as snn-convert exports)', () => {
  const dir = path.join(root, 'readout');
  const ready = (async () => {
    // randomChain's last Affine without its neuron: Input → fc1 → n1 → fc2 → Output.
    const g = randomChain({ sizes: [20, 12, 5], seed: 4, neuron: 'IF', scale: 0.7 });
    delete g.nodes.n2;
    g.nodes.output = { ...g.nodes.output, shape: { shape: [1], dtype: 'int64', data: new Float64Array([5]) } } as typeof g.nodes.output;
    g.edges = g.edges.filter(([a, b]) => a !== 'n2' && b !== 'n2');
    g.edges.push(['fc2', 'output']);
    const stim = randomSpikes(3, 8, 20, 0.3, 6);
    const net = quantize(g, { weightBits: 4, calibration: stim });
    await writeDesign(dir, net, { steps: 8, neuronsPerCycle: 4, stimulus: stim, target: 'both' });
    return net;
  })();
  it('the last layer is a non-spiking readout', async () => {
    expect((await ready).output).toBe('membrane');
  });
  it.runIf(hasTool('iverilog'))('iverilog trace (spikes and signed readout values) is bit-identical', async () => {
    await ready;
    const v = await verifyDesign(dir, 'iverilog');
    expect(v.firstDifference).toBeUndefined();
  });
  it.runIf(hasTool('g++'))('HLS C++ under g++ is bit-identical', async () => {
    await ready;
    const v = await verifyDesign(dir, 'gcc');
    expect(v.firstDifference).toBeUndefined();
  });
});
