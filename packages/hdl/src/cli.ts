#!/usr/bin/env node
/**
 * neurite-hdl: NIR graph → quantised network → Verilog / HLS C++ design directory (gen), checked
 * bit for bit in iverilog, Verilator and g++ (verify), synthesised with yosys and placed with
 * nextpnr-ice40 (report). Built on @neurite/cli: --json, exit 0 ok / 1 failed / 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createProgram,
  runProgram,
  isJsonMode,
  printJson,
  progress,
  table,
  parseInteger,
  parseNumber,
  packageVersion,
  Option,
  UsageError,
} from '@neurite/cli';
import { readNir } from '@neurite/nir/node';
import { setBackend } from '@neurite/tensor';
import { quantize } from './quantize.js';
import { simulateQuantized } from './simulate-quantized.js';
import { runFloatExecutor, classify, accuracy } from './run-float-executor.js';
import { writeDesign, readDesign, type Target } from './write-design.js';
import { verifyDesign, type Simulator, type VerifyResult } from './verify-design.js';
import { synthesizeXc7, synthesizeIce40, placeRouteUp5k } from './synthesize-design.js';
import { mnistStimuli } from './mnist-stimuli.js';
import type { ResetMode } from './lower-graph.js';
import type { SpikeTrains } from './spike-trains.js';
import { createRng } from '@neurite/tensor';
import { HdlError } from './hdl-error.js';

const program = createProgram({
  name: 'neurite-hdl',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'Spiking NIR networks to bit-true fixed point, Verilog-2005 and HLS C++; verification and resource reports.',
});

/** A progress line on stderr (a terminal only, never with --json, so that errors stay one line in logs). */
const say = (line: string) => {
  if (!isJsonMode() && process.stderr.isTTY) process.stderr.write(`neurite-hdl: ${line}\n`);
};

function randomTrains(samples: number, steps: number, size: number, rate: number, seed: number): SpikeTrains {
  const rng = createRng(seed);
  const data = new Uint8Array(samples * steps * size);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < rate ? 1 : 0;
  return { samples, steps, size, data };
}

const bitsOrAuto = (option: string, min: number, max: number) => (v: string) => {
  if (v === 'auto') return 'auto' as const;
  return parseInteger(option, min, max)(v);
};

interface GenOptions {
  out: string;
  weightBits: number;
  membraneBits: number | 'auto';
  fracBits: number | 'auto';
  leak: 'shift' | 'mul';
  target: Target;
  steps: number;
  neuronsPerCycle: number;
  weightStore: 'rom' | 'ram';
  stimulus: 'random' | 'mnist';
  samples: number;
  seed: number;
  dt: number;
  reset: ResetMode;
  name: string;
}

program
  .command('gen')
  .description('quantise a NIR graph and write a design directory: Verilog, HLS C++, testbenches, stimulus and the golden trace')
  .argument('<net>', '.nir file (a chain Input → (Affine|Linear|Conv2d|pooling|Flatten|Scale → IF|LIF)+ → Output)')
  .requiredOption('--out <dir>', 'design directory to write')
  .option('--weight-bits <n>', 'weight width in bits (2..16)', parseInteger('--weight-bits', 2, 16), 8)
  .option('--membrane-bits <n|auto>', 'membrane width (4..32) or auto from calibration', bitsOrAuto('--membrane-bits', 4, 32), 'auto')
  .option('--frac-bits <n|auto>', 'fractional bits (threshold = 2^n) or auto', bitsOrAuto('--frac-bits', 0, 30), 'auto')
  .addOption(
    new Option('--leak <kind>', 'leak: 1 − 2^−k shift (no multiplier) or fixed-point multiply').choices(['shift', 'mul']).default('shift'),
  )
  .addOption(new Option('--target <t>', 'what to generate').choices(['verilog', 'hls', 'both']).default('both'))
  .option('--steps <n>', 'time steps per inference', parseInteger('--steps', 1, 65535), 16)
  .option('--neurons-per-cycle <n>', 'neurons updated per cycle in each layer engine', parseInteger('--neurons-per-cycle', 1, 1024), 8)
  .addOption(
    new Option('--weight-store <s>', 'rom: $readmemh-initialised block RAM; ram: loaded by a byte stream (iCE40 SPRAM)')
      .choices(['rom', 'ram'])
      .default('rom'),
  )
  .addOption(
    new Option(
      '--stimulus <s>',
      'spike trains for calibration and the testbench: seeded Bernoulli(0.2), or rate-coded MNIST test digits (784 inputs)',
    )
      .choices(['random', 'mnist'])
      .default('random'),
  )
  .option('--samples <n>', 'inferences in the testbench', parseInteger('--samples', 1, 100000), 4)
  .option('--seed <n>', 'seed of the random stimulus / MNIST digit choice', parseInteger('--seed', 0), 0)
  .option('--dt <s>', 'time step for the neuron equations (forward Euler)', parseNumber('--dt'), 1)
  .addOption(
    new Option('--reset <mode>', 'reset when a neuron node has no reset_mode metadata')
      .choices(['to_v_reset', 'subtract', 'zero'])
      .default('to_v_reset'),
  )
  .option('--name <id>', 'module / file name prefix', 'neurite_snn')
  .action(async (net: string, o: GenOptions) => {
    const graph = await readNir(net);
    const inName = Object.keys(graph.nodes).find((n) => graph.nodes[n].type === 'Input');
    const inNode = inName === undefined ? undefined : graph.nodes[inName];
    const size = inNode && inNode.type === 'Input' ? Array.from(inNode.shape.data).reduce((a, b) => a * b, 1) : 0;
    let calibration: SpikeTrains;
    let stimulus: SpikeTrains;
    let acc: Record<string, number> | undefined;
    const mnist = o.stimulus === 'mnist' ? await mnistStimuli(o.steps, o.samples, o.seed) : undefined;
    if (mnist) {
      if (size !== 784) throw new UsageError(`--stimulus mnist needs 784 inputs, ${net} has ${size}`);
      calibration = mnist.calibration;
      stimulus = mnist.stimulus;
    } else {
      calibration = randomTrains(64, o.steps, size, 0.2, o.seed + 1);
      stimulus = randomTrains(o.samples, o.steps, size, 0.2, o.seed);
    }
    const q = quantize(graph, {
      weightBits: o.weightBits,
      membraneBits: o.membraneBits,
      fracBits: o.fracBits,
      leak: o.leak,
      dt: o.dt,
      reset: o.reset,
      calibration,
    });
    if (mnist) {
      say(`accuracy on ${mnist.test.samples} MNIST test digits (float executor and quantised model)…`);
      await setBackend('wasm');
      const f = await runFloatExecutor(graph, mnist.test, { dt: o.dt, reset: q.layers[0].reset === 'subtract' ? 'subtract' : o.reset });
      const r = simulateQuantized(q, mnist.test);
      acc = {
        float: accuracy(classify(f.outputs, f.nOut), mnist.labels),
        quantised: accuracy(classify(r.outputs, r.nOut), mnist.labels),
        digits: mnist.test.samples,
      };
    }
    const rec = await writeDesign(o.out, q, {
      steps: o.steps,
      neuronsPerCycle: o.neuronsPerCycle,
      weightStore: o.weightStore,
      target: o.target,
      stimulus,
      name: o.name,
      accuracy: acc,
      source: { file: path.basename(net), weightBits: o.weightBits, leak: o.leak, stimulus: o.stimulus, seed: o.seed },
    });
    const doc = { out: o.out, name: rec.name, targets: rec.targets, layers: rec.layers, plan: rec.plan, accuracy: acc };
    if (isJsonMode()) printJson(doc);
    else {
      process.stdout.write(
        table(
          rec.layers.map((l, i) => ({
            layer: l.name,
            type: l.type,
            shape: `${l.nIn}→${l.nOut}`,
            'W bits': l.weightBits,
            'v bits': l.membraneBits,
            frac: l.fracBits,
            leak: l.leak && typeof l.leak === 'object' ? JSON.stringify(l.leak) : '',
            'per cycle': rec.plan.layers[i].P,
          })),
          [
            'layer',
            'type',
            'shape',
            { key: 'W bits', align: 'right' },
            { key: 'v bits', align: 'right' },
            { key: 'frac', align: 'right' },
            'leak',
            { key: 'per cycle', align: 'right' },
          ],
        ) + '\n',
      );
      if (acc)
        process.stdout.write(
          `accuracy: float ${(100 * acc.float).toFixed(2)}%, quantised ${(100 * acc.quantised).toFixed(2)}% (${acc.digits} MNIST test digits)\n`,
        );
      process.stdout.write(`wrote ${o.out} (${rec.targets.join(' + ')}, ${rec.samples} inference(s) in the testbench)\n`);
    }
  });

program
  .command('verify')
  .description('simulate a design directory and compare every trace with the golden model, bit for bit')
  .argument('<dir>', 'directory written by gen')
  .addOption(
    new Option('--sim <s>', 'RTL simulators (g++ runs too when the design has HLS C++)')
      .choices(['iverilog', 'verilator', 'both'])
      .default('both'),
  )
  .option('--no-gcc', 'skip the HLS C++ under g++')
  .action(async (dir: string, o: { sim: 'iverilog' | 'verilator' | 'both'; gcc: boolean }) => {
    const d = await readDesign(dir);
    const sims: Simulator[] = [];
    if (d.targets.includes('verilog')) sims.push(...(o.sim === 'both' ? (['iverilog', 'verilator'] as const) : [o.sim]));
    if (d.targets.includes('hls') && o.gcc) sims.push('gcc');
    const bar = progress(sims.length, 'verify');
    const results: VerifyResult[] = [];
    for (const s of sims) {
      say(`${s}…`);
      results.push(await verifyDesign(dir, s));
      bar.tick(1, s);
    }
    bar.stop();
    await writeFile(path.join(dir, 'verify.json'), JSON.stringify(results, null, 2) + '\n');
    if (isJsonMode()) printJson({ dir, samples: d.samples, results });
    else
      process.stdout.write(
        table(
          results.map((r) => ({
            simulator: r.simulator,
            'bit-identical': r.identical
              ? 'yes'
              : `NO (line ${r.firstDifference?.line}: expected '${r.firstDifference?.expected}', got '${r.firstDifference?.got}')`,
            'trace lines': r.lines,
            'cycles/inference': r.cycles === undefined ? '' : Math.round(r.cycles / d.samples),
            seconds: r.seconds.toFixed(1),
          })),
          [
            'simulator',
            'bit-identical',
            { key: 'trace lines', align: 'right' },
            { key: 'cycles/inference', align: 'right' },
            { key: 'seconds', align: 'right' },
          ],
        ) + '\n',
      );
    const bad = results.filter((r) => !r.identical);
    if (bad.length > 0)
      throw new HdlError(dir, `${bad.map((r) => r.simulator).join(', ')} differ from the golden model`, { code: 'ERR_STATE' });
  });

program
  .command('report')
  .description(
    'synthesise with yosys (xc7 and iCE40), place and route on an iCE40 UP5K with nextpnr, and summarise resources, Fmax, cycles, accuracy',
  )
  .argument('<dir>', 'directory written by gen (run verify first for cycles per inference)')
  .option('--no-xc7', 'skip yosys synth_xilinx -family xc7')
  .option('--no-ice40', 'skip yosys synth_ice40 and nextpnr')
  .option('--no-pnr', 'skip nextpnr-ice40')
  .action(async (dir: string, o: { xc7: boolean; ice40: boolean; pnr: boolean }) => {
    const d = await readDesign(dir);
    if (!d.targets.includes('verilog')) throw new HdlError(dir, `the design in ${dir} has no Verilog to synthesise`, { code: 'ERR_STATE' });
    const steps = [o.xc7 && 'xc7', o.ice40 && 'ice40', o.ice40 && o.pnr && 'pnr'].filter(Boolean) as string[];
    const bar = progress(steps.length, 'synthesis');
    const report: Record<string, unknown> = { dir, name: d.name, layers: d.layers, accuracy: d.accuracy };
    let verify: VerifyResult[] | undefined;
    try {
      verify = JSON.parse(await readFile(path.join(dir, 'verify.json'), 'utf8')) as VerifyResult[];
    } catch {
      verify = undefined;
    }
    const cycles = verify?.find((r) => r.cycles !== undefined)?.cycles;
    report.cyclesPerInference = cycles === undefined ? undefined : cycles / d.samples;
    for (const s of steps) {
      if (s === 'xc7') {
        say('yosys synth_xilinx -family xc7 (can take a minute)…');
        report.xc7 = await synthesizeXc7(dir);
      } else if (s === 'ice40') {
        say('yosys synth_ice40 -spram…');
        report.ice40 = await synthesizeIce40(dir);
      } else {
        say('nextpnr-ice40 --up5k…');
        const pr = await placeRouteUp5k(dir);
        report.up5k = pr;
        if (pr.fmaxMHz !== undefined && typeof report.cyclesPerInference === 'number')
          report.usPerInference = report.cyclesPerInference / pr.fmaxMHz;
      }
      bar.tick(1, s);
    }
    bar.stop();
    await writeFile(path.join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    if (isJsonMode()) printJson(report);
    else {
      const rows: Record<string, unknown>[] = [];
      const x = report.xc7 as Awaited<ReturnType<typeof synthesizeXc7>> | undefined;
      const i = report.ice40 as Awaited<ReturnType<typeof synthesizeIce40>> | undefined;
      const p = report.up5k as Awaited<ReturnType<typeof placeRouteUp5k>> | undefined;
      if (x)
        rows.push({
          target: 'xc7 (yosys)',
          LUT: x.lut,
          FF: x.ff,
          CARRY: x.carry,
          BRAM: `${x.bram36} BRAM36 (${x.ramb36} RAMB36 + ${x.ramb18} RAMB18)`,
          SPRAM: '',
          DSP: x.dsp,
          Fmax: '',
        });
      if (i)
        rows.push({
          target: 'iCE40 (yosys)',
          LUT: i.lut,
          FF: i.ff,
          CARRY: i.carry,
          BRAM: `${i.bram} EBR`,
          SPRAM: i.spram,
          DSP: i.dsp,
          Fmax: p?.fmaxMHz === undefined ? '' : `${p.fmaxMHz.toFixed(1)} MHz (UP5K)`,
        });
      process.stdout.write(
        table(rows, [
          'target',
          { key: 'LUT', align: 'right' },
          { key: 'FF', align: 'right' },
          { key: 'CARRY', align: 'right' },
          'BRAM',
          { key: 'SPRAM', align: 'right' },
          { key: 'DSP', align: 'right' },
          'Fmax',
        ]) + '\n',
      );
      if (typeof report.cyclesPerInference === 'number')
        process.stdout.write(`cycles per inference: ${Math.round(report.cyclesPerInference)} (simulation)\n`);
      else process.stdout.write(`cycles per inference: run 'neurite-hdl verify ${dir}' first\n`);
      if (typeof report.usPerInference === 'number')
        process.stdout.write(`µs per inference on the UP5K: ${report.usPerInference.toFixed(1)}\n`);
      if (d.accuracy)
        process.stdout.write(
          `accuracy: float ${(100 * d.accuracy.float).toFixed(2)}%, quantised ${(100 * d.accuracy.quantised).toFixed(2)}%\n`,
        );
    }
  });

await runProgram(program);
