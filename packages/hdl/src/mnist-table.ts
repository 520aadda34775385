import path from 'node:path';
import { readNir } from '@neurite/nir/node';
import type { NirGraph } from '@neurite/nir';
import { quantize } from './quantize.js';
import { simulateQuantized } from './simulate-quantized.js';
import { runFloatExecutor, classify, accuracy } from './run-float-executor.js';
import { mnistStimuli } from './mnist-stimuli.js';
import { writeDesign } from './write-design.js';
import { verifyDesign, type Simulator } from './verify-design.js';
import { synthesizeXc7, synthesizeIce40, placeRouteUp5k, type ResourceCounts, type PlaceRouteResult } from './synthesize-design.js';

/** One row of {@link mnistTable}: one weight width's accuracy, verification, resources, Fmax and time per image. */
export interface MnistRow {
  /** Weight width in bits. */
  weightBits: number;
  /** Neurons per cycle of the first layer (P). */
  neuronsPerCycle: number;
  /** Accuracy of the float NIR executor on the 2,004 test digits (0–1). */
  floatAccuracy: number;
  /** Accuracy of the bit-true quantised model on the same digits (0–1). */
  quantisedAccuracy: number;
  /** Bit-identical in every simulator run (iverilog, Verilator, g++ as asked). */
  verified: boolean;
  /** The simulators the design was verified in. */
  simulators: string[];
  /** Clock cycles per image, from the RTL simulation. */
  cyclesPerInference?: number;
  /** Time of gen (quantise + write both designs), in seconds. */
  genSeconds: number;
  /** Time of the verification in every simulator, in seconds. */
  verifySeconds: number;
  /** yosys `synth_xilinx -family xc7` resources (with `synthesis`). */
  xc7?: ResourceCounts;
  /** yosys `synth_ice40 -spram` resources (with `synthesis`). */
  ice40?: ResourceCounts;
  /** nextpnr-ice40 `--up5k` place and route (with `synthesis`). */
  up5k?: PlaceRouteResult;
  /** Microseconds per image at the UP5K's Fmax: cycles / Fmax. */
  usPerInference?: number;
}

/** Options of {@link mnistTable}. */
export interface MnistTableOptions {
  /** The .nir network (784 inputs, spiking layers). */
  file: string;
  /** Scratch directory; one design directory per width and weight store below it. */
  dir: string;
  /** Weight widths in bits, one row each (default 8, 6, 4, 3). */
  widths?: number[];
  /** Time steps per image (default 16). */
  steps?: number;
  /** Test digits simulated in the RTL / C testbenches. */
  samples?: number;
  /** Simulators to verify in (default iverilog and g++). */
  simulators?: Simulator[];
  /** Run yosys and nextpnr too (default true). */
  synthesis?: boolean;
  /** Called with a line per step (for a progress display). */
  progress?: (message: string) => void;
  /** Neurons per cycle of the first layer for a weight width (default 16 up to 4 bits, else 8: SPRAM words stay ≤ 64 bits). */
  neuronsPerCycle?: (weightBits: number) => number;
}

/**
 * The MNIST table: per weight width, accuracy of the quantised model against the float executor on
 * the 2,004 test digits, both designs generated (initialised weights for xc7; the first layer's
 * weights loaded into SPRAM for the iCE40 UP5K), verified bit-true on `samples` digits, synthesised
 * (yosys synth_xilinx -family xc7 / synth_ice40 -spram) and placed and routed (nextpnr-ice40 --up5k).
 */
export async function mnistTable(o: MnistTableOptions): Promise<MnistRow[]> {
  const steps = o.steps ?? 16;
  const say = o.progress ?? (() => undefined);
  const graph: NirGraph = await readNir(o.file);
  const data = await mnistStimuli(steps, o.samples ?? 4, 0);
  say('float executor on the test digits');
  const f = await runFloatExecutor(graph, data.test, { reset: 'subtract' });
  const floatAccuracy = accuracy(classify(f.outputs, f.nOut), data.labels);
  const rows: MnistRow[] = [];
  for (const wb of o.widths ?? [8, 6, 4, 3]) {
    const P = o.neuronsPerCycle ? o.neuronsPerCycle(wb) : wb <= 4 ? 16 : 8;
    say(`${wb}-bit: quantise and generate`);
    const t0 = performance.now();
    const q = quantize(graph, { weightBits: wb, leak: 'shift', calibration: data.calibration });
    const romDir = path.join(o.dir, `w${wb}-rom`);
    const ramDir = path.join(o.dir, `w${wb}-spram`);
    await writeDesign(romDir, q, { steps, neuronsPerCycle: P, stimulus: data.stimulus, target: 'both' });
    await writeDesign(ramDir, q, { steps, neuronsPerCycle: P, weightStore: 'ram', stimulus: data.stimulus, target: 'verilog' });
    const genSeconds = (performance.now() - t0) / 1000;
    const r = simulateQuantized(q, data.test);
    const row: MnistRow = {
      weightBits: wb,
      neuronsPerCycle: P,
      floatAccuracy,
      quantisedAccuracy: accuracy(classify(r.outputs, r.nOut), data.labels),
      verified: true,
      simulators: [],
      genSeconds,
      verifySeconds: 0,
    };
    for (const s of o.simulators ?? (['iverilog', 'gcc'] as Simulator[])) {
      say(`${wb}-bit: verify in ${s}`);
      const v = await verifyDesign(romDir, s);
      row.verified &&= v.identical;
      row.simulators.push(s);
      row.verifySeconds += v.seconds;
      if (v.cycles !== undefined) row.cyclesPerInference = v.cycles / data.stimulus.samples;
    }
    say(`${wb}-bit: verify the SPRAM design in iverilog`);
    const vr = await verifyDesign(ramDir, 'iverilog');
    row.verified &&= vr.identical;
    if (o.synthesis ?? true) {
      say(`${wb}-bit: yosys synth_xilinx -family xc7`);
      row.xc7 = await synthesizeXc7(romDir);
      say(`${wb}-bit: yosys synth_ice40 -spram`);
      row.ice40 = await synthesizeIce40(ramDir);
      say(`${wb}-bit: nextpnr-ice40 --up5k`);
      try {
        row.up5k = await placeRouteUp5k(ramDir);
        if (row.up5k.fmaxMHz && row.cyclesPerInference) row.usPerInference = row.cyclesPerInference / row.up5k.fmaxMHz;
      } catch (e) {
        row.up5k = { device: `iCE40 UP5K: did not fit (${(e as Error).message.slice(0, 200)})`, utilisation: {}, seconds: 0 };
      }
    }
    rows.push(row);
  }
  return rows;
}

/** The table as Markdown. */
export function mnistTableMarkdown(rows: MnistRow[]): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const out = [
    '| W bits | P | accuracy (float → quantised) | xc7 LUT / FF / BRAM36 / DSP | iCE40 LUT / EBR / SPRAM / DSP | UP5K Fmax | cycles/image | µs/image (UP5K) | bit-true | gen + verify |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    out.push(
      `| ${r.weightBits} | ${r.neuronsPerCycle} | ${pct(r.floatAccuracy)} → ${pct(r.quantisedAccuracy)} | ${r.xc7 ? `${r.xc7.lut} / ${r.xc7.ff} / ${r.xc7.bram36} / ${r.xc7.dsp}` : '–'} | ${r.ice40 ? `${r.ice40.lut} / ${r.ice40.bram} / ${r.ice40.spram} / ${r.ice40.dsp}` : '–'} | ${r.up5k?.fmaxMHz ? `${r.up5k.fmaxMHz.toFixed(1)} MHz` : (r.up5k?.device ?? '–')} | ${r.cyclesPerInference?.toFixed(0) ?? '–'} | ${r.usPerInference?.toFixed(0) ?? '–'} | ${r.verified ? `yes (${r.simulators.join(', ')}, iverilog SPRAM)` : 'NO'} | ${r.genSeconds.toFixed(1)} s + ${r.verifySeconds.toFixed(1)} s |`,
    );
  return out.join('\n') + '\n';
}
