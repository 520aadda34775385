import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findTool, mnistTable, type MnistRow } from '@neurite/hdl/node';
import type { BenchResult, Suite } from '../suite.js';

/**
 * hdl suite: the 784-128-10 LIF MNIST network shipped by @neurite/hdl, per weight width (8, 6, 4,
 * 3 bits; --quick: 4 bits, no synthesis): accuracy of the bit-true quantised model against the float
 * NIR executor on the 2,004 test digits, bit-true verification (iverilog, Verilator, g++), yosys
 * xc7 and iCE40 resources, nextpnr-ice40 UP5K Fmax, cycles and µs per image, gen + verify time.
 * Goals quote Spiker+ (784-128-10: 7,612 logic cells, 18 BRAM, 93.85%, 780 µs/image) and
 * Flexi-NeurA (256-128-10: 1,623 logic cells, 7 BRAM at 97.23%) as published by their authors.
 */
export const hdlSuite: Suite = {
  name: 'hdl',
  description: 'NIR → bit-true fixed point → Verilog/HLS: MNIST accuracy, resources, Fmax, µs per image',
  async run(ctx) {
    const missing = ['iverilog', 'yosys', 'nextpnr-ice40', 'g++', 'verilator'].filter((t) => findTool(t) === undefined);
    const file = fileURLToPath(import.meta.resolve('@neurite/hdl/examples/mnist-784-128-10-lif.nir'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-bench-hdl-'));
    const results: BenchResult[] = [];
    const backend = 'cpu (integers)';
    try {
      const sims = (ctx.quick ? ['iverilog', 'gcc'] : ['iverilog', 'verilator', 'gcc']).filter(
        (s) => findTool(s === 'gcc' ? 'g++' : s) !== undefined,
      ) as Array<'iverilog' | 'verilator' | 'gcc'>;
      const rows: MnistRow[] = await mnistTable({
        file,
        dir,
        widths: ctx.quick ? [4] : [8, 6, 4, 3],
        simulators: sims,
        synthesis: !ctx.quick && findTool('yosys') !== undefined && findTool('nextpnr-ice40') !== undefined,
        progress: (m) => ctx.progress(m),
      });
      for (const r of rows) {
        const c = `mnist 784-128-10 LIF, ${r.weightBits}-bit weights, ${r.neuronsPerCycle} neurons/cycle`;
        const params = { weightBits: r.weightBits, neuronsPerCycle: r.neuronsPerCycle, steps: 16 };
        const add = (metric: string, unit: string, value: number | undefined, extra: Partial<BenchResult> = {}) => {
          if (value !== undefined) results.push({ case: c, params, backend, metric, unit, value, ...extra });
        };
        add('accuracy', '%', 100 * r.quantisedAccuracy, {
          reference: { name: 'float NIR executor', value: 100 * r.floatAccuracy },
          ratio: r.quantisedAccuracy / r.floatAccuracy,
          goal: '≥ 93.85% (Spiker+ accuracy)',
          note: `bit-true in ${r.simulators.join(', ')} and the SPRAM design in iverilog: ${r.verified ? 'yes' : 'NO'}`,
        });
        add('xc7 LUT', 'LUT', r.xc7?.lut, {
          goal: '< 7,612 (Spiker+); ≤ 1,623 at ≥ 97% (Flexi-NeurA)',
          note: 'yosys synth_xilinx -family xc7, LUT1–LUT6',
        });
        add('xc7 FF', 'FF', r.xc7?.ff);
        add('xc7 BRAM36', 'BRAM36', r.xc7?.bram36, {
          goal: '< 18 (Spiker+); ≤ 7 at ≥ 97% (Flexi-NeurA)',
          note: `${r.xc7?.ramb36} RAMB36 + ${r.xc7?.ramb18} RAMB18`,
        });
        add('xc7 DSP', 'DSP48', r.xc7?.dsp, { goal: '0 (shift leak)' });
        add('iCE40 LUT', 'LUT4', r.ice40?.lut, { note: 'yosys synth_ice40 -spram' });
        add('iCE40 EBR', 'SB_RAM40_4K', r.ice40?.bram);
        add('iCE40 SPRAM', 'SB_SPRAM256KA', r.ice40?.spram);
        add('UP5K Fmax', 'MHz', r.up5k?.fmaxMHz, { note: r.up5k?.device, goal: 'placed and routed on an iCE40 UP5K' });
        add('cycles per image', 'cycles', r.cyclesPerInference, { note: 'RTL simulation, 16 steps, rate-coded test digits' });
        add('time per image', 'us', r.usPerInference, { goal: '≤ 780 µs (Spiker+)', note: 'cycles / UP5K Fmax' });
        add('gen + verify', 's', r.genSeconds + r.verifySeconds, {
          note: `gen ${r.genSeconds.toFixed(1)} s, verify ${r.verifySeconds.toFixed(1)} s (4 digits)`,
        });
      }
      if (missing.length > 0)
        results.push({
          case: 'tools',
          params: {},
          backend,
          metric: 'missing tools',
          unit: 'count',
          value: missing.length,
          note: `not installed: ${missing.join(', ')} (figures needing them are absent)`,
        });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};
