// designFiles (the pure part of a design directory): what writeDesign puts on disk, file for file;
// targets select the Verilog or the HLS files; the golden trace is simulateQuantized's; network.json
// round-trips through networkFromJson; a stimulus of another length is refused.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designFiles } from '../src/design-files.js';
import { HdlError } from '../src/hdl-error.js';
import { networkFromJson, networkToJson } from '../src/network-json.js';
import { quantize } from '../src/quantize.js';
import { simulateQuantized } from '../src/simulate-quantized.js';
import { synthWrapper } from '../src/synth-wrapper.js';
import { writeDesign } from '../src/write-design.js';
import { randomChain, randomSpikes } from './helpers.js';

function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, readTree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full, 'utf8');
  }
  return out;
}

describe('designFiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hdl-design-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const graph = randomChain({ sizes: [10, 7, 3], seed: 5, neuron: 'LIF', tau: 8 });
  const stimulus = randomSpikes(3, 6, 10, 0.3, 9);
  const net = quantize(graph, { weightBits: 5, calibration: randomSpikes(16, 6, 10, 0.3, 10) });
  const hw = { steps: 6, neuronsPerCycle: 3, stimulus };

  it('gives exactly the files writeDesign writes (design.json aside)', async () => {
    const { files, plan } = designFiles(net, hw);
    await writeDesign(path.join(dir, 'both'), net, hw);
    const disk = readTree(path.join(dir, 'both'));
    expect(JSON.parse(disk['design.json']).plan).toEqual(plan);
    delete disk['design.json'];
    expect(Object.keys(files).sort()).toEqual(Object.keys(disk).sort());
    for (const [p, text] of Object.entries(files)) expect(text, p).toBe(disk[p]);
    expect(files[`${plan.name}_synth.v`]).toBe(synthWrapper(plan));
  });

  it('selects the Verilog or the HLS files by target', () => {
    const v = Object.keys(designFiles(net, { ...hw, target: 'verilog' }).files);
    const h = Object.keys(designFiles(net, { ...hw, target: 'hls' }).files);
    expect(v.some((p) => p.startsWith('hls/'))).toBe(false);
    expect(v).toContain('neurite_snn_top.v');
    expect(h.every((p) => p.startsWith('hls/') || ['stim.hex', 'expected.txt', 'network.json'].includes(p))).toBe(true);
    expect(h).toContain('hls/neurite_snn.cpp');
  });

  it('holds the golden trace and the network as JSON', () => {
    const { files } = designFiles(net, hw);
    expect(files['expected.txt']).toBe(simulateQuantized(net, stimulus, { trace: true }).trace!.join('\n') + '\n');
    const back = networkFromJson(JSON.parse(files['network.json']));
    expect(back).toEqual(net);
    expect(networkToJson(back)).toEqual(JSON.parse(files['network.json']));
  });

  it('refuses a stimulus whose steps differ from the design', () => {
    expect(() => designFiles(net, { ...hw, steps: 7 })).toThrow(HdlError);
  });
});
