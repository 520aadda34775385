// Tour step: quantise the shipped 784-128-10 MNIST spiking network to 4-bit weights, generate its
// Verilog and HLS C++, and check one digit bit for bit with the HLS C++ under g++ when it is installed
// (the RTL check in iverilog/Verilator is `neurite-hdl verify`; it takes longer than a tour step).
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNir } from '@neurite/nir/node';
import { quantize, simulateQuantized, mnistStimuli, writeDesign, verifyDesign, findTool, classify, accuracy } from '@neurite/hdl/node';
import { histogram } from '@neurite/plot';

export const title = 'HDL: a spiking MNIST network as bit-true Verilog';

export async function run(ctx) {
  const file = fileURLToPath(import.meta.resolve('@neurite/hdl/examples/mnist-784-128-10-lif.nir'));
  const graph = await readNir(file);
  const data = await mnistStimuli(16, 1, 0);
  const net = quantize(graph, { weightBits: 4, leak: 'shift', calibration: data.calibration });
  const r = simulateQuantized(net, data.test);
  const acc = accuracy(classify(r.outputs, r.nOut), data.labels);
  ctx.say(
    'mnist-784-128-10-lif.nir: LIF neurons (τ = 64 steps → leak 1 − 2^−6, a shift), quantised to 4-bit weights.',
    'The integer model is the golden model of the generated Verilog and HLS C++.',
  );
  ctx.figure(`4-bit bit-true model on the 2,004 MNIST test digits (16 steps, rate-coded): ${(100 * acc).toFixed(2)}% accuracy`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-tour-hdl-'));
  try {
    await writeDesign(dir, net, { steps: 16, neuronsPerCycle: 16, stimulus: data.stimulus, target: 'both' });
    if (findTool('g++')) {
      const v = await verifyDesign(dir, 'gcc');
      ctx.figure(
        `HLS C++ under g++: trace of one digit ${v.identical ? 'bit-identical to' : 'DIFFERENT from'} the TypeScript model (${v.lines} lines)`,
      );
    } else ctx.say('g++ is not installed (Debian package g++): the C++ check is skipped.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const w = Array.from(net.layers[0].weights);
  const svg = await histogram(w, {
    bins: 16,
    range: [-8.5, 7.5],
    title: 'Layer 1 weights (4-bit integers)',
    xLabel: 'weight',
    yLabel: 'count',
  });
  await ctx.writePlot('hdl-weights.svg', svg);
}
