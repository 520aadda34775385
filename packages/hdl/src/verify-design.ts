import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { HdlError } from './hdl-error.js';
import { runTool } from './run-tool.js';
import { readDesign } from './write-design.js';

/** A simulator {@link verifyDesign} runs: Icarus Verilog, Verilator (both on the RTL) or g++ (on the HLS C++). */
export type Simulator = 'iverilog' | 'verilator' | 'gcc';

/** What {@link verifyDesign} found for one simulator. */
export interface VerifyResult {
  /** The simulator run. */
  simulator: Simulator;
  /** The simulator's trace equals the golden trace of `simulateQuantized`, byte for byte. */
  identical: boolean;
  /** Trace lines compared, and the first line that differs (1-based) when not identical. */
  lines: number;
  /** The first differing line: its number (1-based), the golden line and the simulator's. */
  firstDifference?: { line: number; expected: string; got: string };
  /** Clock cycles for all inferences (RTL simulators), from the testbench's `cycles` line. */
  cycles?: number;
  /** Build + run time in seconds. */
  seconds: number;
}

function compare(expected: string, got: string): Pick<VerifyResult, 'identical' | 'lines' | 'firstDifference'> {
  const a = expected.trimEnd().split('\n');
  const b = got.trimEnd().split('\n');
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (a[i] !== b[i])
      return { identical: false, lines: n, firstDifference: { line: i + 1, expected: a[i] ?? '<end>', got: b[i] ?? '<end>' } };
  return { identical: true, lines: n };
}

const cyclesOf = (s: string) => {
  const m = /cycles (\d+)/.exec(s);
  return m ? Number(m[1]) : undefined;
};

/**
 * Runs a design directory's testbench in a simulator and compares its trace with `expected.txt`:
 * iverilog (`iverilog -g2005` + `vvp`), Verilator (`--binary --timing`), or the HLS C++ under g++.
 */
export async function verifyDesign(dir: string, simulator: Simulator): Promise<VerifyResult> {
  const d = await readDesign(dir);
  const n = d.name;
  const expected = await readFile(path.join(dir, 'expected.txt'), 'utf8');
  const rtl = ['neurite_layer.v', `${n}_top.v`, `${n}_tb.v`];
  const out = `trace-${simulator}.txt`;
  let seconds: number;
  let log = '';
  if (simulator !== 'gcc' && !d.targets.includes('verilog'))
    throw new HdlError(dir, `the design in ${dir} has no Verilog (generated with --target hls)`, { code: 'ERR_STATE' });
  if (simulator === 'gcc' && !d.targets.includes('hls'))
    throw new HdlError(dir, `the design in ${dir} has no HLS C++ (generated with --target verilog)`, { code: 'ERR_STATE' });
  await rm(path.join(dir, 'trace.txt'), { force: true });
  if (simulator === 'iverilog') {
    const a = await runTool('iverilog', ['-g2005', '-o', 'sim-iverilog.vvp', ...rtl], { cwd: dir, nice: true });
    const b = await runTool('vvp', ['-n', 'sim-iverilog.vvp'], { cwd: dir, nice: true });
    seconds = a.seconds + b.seconds;
    log = b.stdout;
    await rename(path.join(dir, 'trace.txt'), path.join(dir, out));
  } else if (simulator === 'verilator') {
    const a = await runTool(
      'verilator',
      [
        '--binary',
        '--timing',
        '-O2',
        '-Wno-fatal',
        '-Wno-lint',
        '-Wno-style',
        '-j',
        '2',
        '--Mdir',
        'obj-verilator',
        '--top-module',
        `${n}_tb`,
        ...rtl,
      ],
      { cwd: dir, nice: true },
    );
    const b = await runTool(path.join(path.resolve(dir), 'obj-verilator', `V${n}_tb`), [], { cwd: dir, nice: true });
    seconds = a.seconds + b.seconds;
    log = b.stdout;
    await rename(path.join(dir, 'trace.txt'), path.join(dir, out));
  } else {
    const hls = path.join(dir, 'hls');
    const a = await runTool(
      'g++',
      ['-std=c++17', '-O2', '-Wall', '-Wextra', '-Wno-unknown-pragmas', '-o', 'tb-gcc', `${n}_tb.cpp`, `${n}.cpp`],
      { cwd: hls, nice: true },
    );
    const b = await runTool(path.join(path.resolve(hls), 'tb-gcc'), ['../stim.hex', `../${out}`], { cwd: hls, nice: true });
    seconds = a.seconds + b.seconds;
  }
  const got = await readFile(path.join(dir, out), 'utf8');
  return { simulator, ...compare(expected, got), cycles: cyclesOf(log), seconds };
}
