/**
 * Verilog generation: memory image layout (lanes, padding, two's complement), the input stream
 * packing, and `verilator --lint-only -Wall` finding nothing in generated designs (initialised and
 * loaded weights, shift and multiply leaks, 1 and several neurons per cycle, the synthesis top).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packHex, weightHex, biasHex, stimulusHex } from '../src/generate-verilog.js';
import { quantize } from '../src/quantize.js';
import { writeDesign } from '../src/write-design.js';
import { runTool } from '../src/run-tool.js';
import type { QuantLayer } from '../src/quantized-network.js';
import { hasTool, randomChain, randomSpikes } from './helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'neurite-hdl-lint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('memory images', () => {
  it('packHex puts lane 0 in the low bits, two’s complement', () => {
    expect(packHex([1, -1], 4)).toBe('f1');
    expect(packHex([-2, 3, 0], 3)).toBe('01e'); // 000 011 110
    expect(packHex([0, 1, 1, 0, 0, 0, 0, 1], 1)).toBe('86');
  });
  it('weightHex: word {j, g} holds neurons g·P … g·P+P−1 of input j, zero-padded to 2^GB groups', () => {
    const l = { nIn: 2, nOut: 3, weightBits: 4, weights: Int32Array.from([1, 2, 3, 4, -1, -2]) } as QuantLayer;
    // W = [[1, 2], [3, 4], [−1, −2]]; P = 2 → G = 2 groups, GB = 1
    expect(weightHex(l, 2, 1).trim().split('\n')).toEqual(['31', '0f', '42', '0e']);
    expect(
      biasHex({ nOut: 3, membraneBits: 8, bias: Int32Array.from([5, -1, 2]) } as QuantLayer, 2)
        .trim()
        .split('\n'),
    ).toEqual(['ff05', '0002']);
  });
  it('stimulusHex: per step, inputs w·width … w·width + width − 1 in one word', () => {
    const s = { samples: 1, steps: 2, size: 5, data: Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 0, 0, 0]) };
    expect(stimulusHex(s, 4).trim().split('\n')).toEqual(['9', '1', '2', '0']);
  });
});

describe.runIf(hasTool('verilator'))('verilator --lint-only -Wall', () => {
  const variants = [
    { id: 'rom-shift-p4', leak: 'shift' as const, P: 4, weightStore: 'rom' as const },
    { id: 'ram-mul-p1', leak: 'mul' as const, P: 1, weightStore: [true, false] },
    { id: 'ram-both-p5', leak: 'shift' as const, P: 5, weightStore: [true, true] },
  ];
  it.each(variants)('$id: top, layer engine and synthesis top lint clean', async (v) => {
    const dir = path.join(root, v.id);
    const stim = randomSpikes(2, 6, 18, 0.3, 1);
    const net = quantize(randomChain({ sizes: [18, 10, 4], seed: 7, neuron: 'LIF' }), { weightBits: 5, leak: v.leak, calibration: stim });
    await writeDesign(dir, net, { steps: 6, neuronsPerCycle: v.P, weightStore: v.weightStore, stimulus: stim, target: 'verilog' });
    const r = await runTool(
      'verilator',
      ['--lint-only', '-Wall', '--top-module', 'neurite_snn_synth', 'neurite_layer.v', 'neurite_snn_top.v', 'neurite_snn_synth.v'],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
  });
});
