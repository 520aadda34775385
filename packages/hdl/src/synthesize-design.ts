import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './run-tool.js';
import { readDesign } from './write-design.js';

/** Cell counts of one yosys run, grouped; `cells` keeps every cell type yosys reported. */
export interface ResourceCounts {
  /** LUTs (xc7: LUT1–LUT6 cells; iCE40: SB_LUT4). */
  lut: number;
  /** Flip-flops (xc7: FD* cells; iCE40: SB_DFF*). */
  ff: number;
  /** Carry cells (xc7: CARRY4; iCE40: SB_CARRY). */
  carry: number;
  /** xc7: 18-kbit block RAMs (RAMB18E1). */
  ramb18?: number;
  /** xc7: 36-kbit block RAMs (RAMB36E1). */
  ramb36?: number;
  /** xc7: block RAM in 36-kbit equivalents, RAMB36 + RAMB18 / 2. */
  bram36?: number;
  /** iCE40: 4-kbit block RAMs (SB_RAM40_4K). */
  bram?: number;
  /** iCE40: 256-kbit single-port RAMs (SB_SPRAM256KA). */
  spram?: number;
  /** xc7 LUTs used as distributed RAM. */
  lutram?: number;
  /** DSP blocks (xc7: DSP48* cells; iCE40: SB_MAC16); 0 for shift-leak designs. */
  dsp: number;
  /** Every cell type yosys reported, with its count. */
  cells: Record<string, number>;
  /** Wall time of the yosys run, in seconds. */
  seconds: number;
}

/** Parses the last `Number of cells` block of a yosys `stat` log into cell-type counts. */
export function parseYosysStat(log: string): Record<string, number> {
  const at = log.lastIndexOf('Number of cells:');
  const cells: Record<string, number> = {};
  if (at < 0) return cells;
  for (const line of log.slice(at).split('\n').slice(1)) {
    const m = /^\s+(\S+)\s+(\d+)\s*$/.exec(line);
    if (m) cells[m[1]] = (cells[m[1]] ?? 0) + Number(m[2]);
    else if (line.trim() !== '' && Object.keys(cells).length > 0) break;
  }
  return cells;
}

const sum = (cells: Record<string, number>, re: RegExp) => Object.entries(cells).reduce((a, [k, v]) => (re.test(k) ? a + v : a), 0);

/** Groups xc7 cells (synth_xilinx -family xc7). */
export function xc7Resources(cells: Record<string, number>, seconds = 0): ResourceCounts {
  const ramb18 = sum(cells, /^RAMB18/);
  const ramb36 = sum(cells, /^RAMB36/);
  return {
    lut: sum(cells, /^LUT[1-6]$/),
    ff: sum(cells, /^FD[CPRS]E?$/),
    carry: sum(cells, /^CARRY/),
    ramb18,
    ramb36,
    bram36: ramb36 + ramb18 / 2,
    lutram: sum(cells, /^RAM(32|64|128|256)/),
    dsp: sum(cells, /^DSP48/),
    cells,
    seconds,
  };
}

/** Groups iCE40 cells (synth_ice40). */
export function ice40Resources(cells: Record<string, number>, seconds = 0): ResourceCounts {
  return {
    lut: sum(cells, /^SB_LUT4$/),
    ff: sum(cells, /^SB_DFF/),
    carry: sum(cells, /^SB_CARRY$/),
    bram: sum(cells, /^SB_RAM40_4K/),
    spram: sum(cells, /^SB_SPRAM256KA$/),
    dsp: sum(cells, /^SB_MAC16$/),
    cells,
    seconds,
  };
}

/** Parses nextpnr's `Max frequency for clock` lines (the last one per clock wins). */
export function parseNextpnrFmax(log: string): number | undefined {
  let f: number | undefined;
  for (const m of log.matchAll(/Max frequency for clock\s+'[^']*':\s+([\d.]+) MHz/g)) f = Number(m[1]);
  return f;
}

/** Parses nextpnr's device utilisation lines, e.g. `ICESTORM_LC: 1234/ 5280 23%`. */
export function parseNextpnrUtilisation(log: string): Record<string, { used: number; available: number }> {
  const out: Record<string, { used: number; available: number }> = {};
  for (const m of log.matchAll(/^\s*(?:Info:\s+)?\s*(\w+):\s+(\d+)\/\s*(\d+)\s+\d+%/gm))
    out[m[1]] = { used: Number(m[2]), available: Number(m[3]) };
  return out;
}

/** What {@link placeRouteUp5k} measured: the device, Fmax and the utilisation nextpnr reported. */
export interface PlaceRouteResult {
  /** The device placed on (`'iCE40 UP5K (sg48)'`). */
  device: string;
  /** Maximum clock frequency nextpnr reports for the clock, in MHz (absent when it reports none). */
  fmaxMHz?: number;
  /** Used and available cells per kind (ICESTORM_LC, ICESTORM_RAM, ICESTORM_SPRAM, …). */
  utilisation: Record<string, { used: number; available: number }>;
  /** Wall time of the nextpnr run, in seconds. */
  seconds: number;
}

const sources = (name: string) => ['neurite_layer.v', `${name}_top.v`, `${name}_synth.v`];

/** yosys `synth_xilinx -family xc7` of the design's synthesis top; the log goes to synth-xc7.log. */
export async function synthesizeXc7(dir: string): Promise<ResourceCounts> {
  const d = await readDesign(dir);
  const script = `read_verilog -defer ${sources(d.name).join(' ')}; synth_xilinx -family xc7 -top ${d.name}_synth; stat`;
  const r = await runTool('yosys', ['-q', '-l', 'synth-xc7.log', '-p', script], { cwd: dir, nice: true });
  return xc7Resources(parseYosysStat(await readFile(path.join(dir, 'synth-xc7.log'), 'utf8')), r.seconds);
}

/** yosys `synth_ice40` (with SPRAM inference) to ice40.json; the log goes to synth-ice40.log. */
export async function synthesizeIce40(dir: string): Promise<ResourceCounts> {
  const d = await readDesign(dir);
  const script = `read_verilog -defer ${sources(d.name).join(' ')}; synth_ice40 -spram -top ${d.name}_synth -json ice40.json; stat`;
  const r = await runTool('yosys', ['-q', '-l', 'synth-ice40.log', '-p', script], { cwd: dir, nice: true });
  return ice40Resources(parseYosysStat(await readFile(path.join(dir, 'synth-ice40.log'), 'utf8')), r.seconds);
}

/** nextpnr-ice40 place and route of ice40.json on an iCE40 UP5K (SG48), unconstrained pins; log in pnr-up5k.log. */
export async function placeRouteUp5k(dir: string, options: { seed?: number } = {}): Promise<PlaceRouteResult> {
  const r = await runTool(
    'nextpnr-ice40',
    [
      '--up5k',
      '--package',
      'sg48',
      '--json',
      'ice40.json',
      '--pcf-allow-unconstrained',
      '--freq',
      '12',
      '--seed',
      String(options.seed ?? 1),
      '--asc',
      'up5k.asc',
      '--log',
      'pnr-up5k.log',
    ],
    { cwd: dir, nice: true },
  );
  const log = await readFile(path.join(dir, 'pnr-up5k.log'), 'utf8');
  return { device: 'iCE40 UP5K (sg48)', fmaxMHz: parseNextpnrFmax(log), utilisation: parseNextpnrUtilisation(log), seconds: r.seconds };
}
