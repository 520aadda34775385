/**
 * Resource reports: yosys `stat` and nextpnr log parsing on excerpts in the tools' formats, and a
 * real synth_ice40 run of a small design: shift leak → no SB_MAC16, loaded weights → SB_SPRAM256KA.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseYosysStat,
  xc7Resources,
  ice40Resources,
  parseNextpnrFmax,
  parseNextpnrUtilisation,
  synthesizeIce40,
} from '../src/synthesize-design.js';
import { quantize } from '../src/quantize.js';
import { writeDesign } from '../src/write-design.js';
import { hasTool, randomChain, randomSpikes } from './helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'neurite-hdl-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const XC7_STAT = `
=== design hierarchy ===

   top                 1

   Number of wires:               1801
   Number of cells:               3867
     BUFG                            1
     CARRY4                        354
     DSP48E1                         2
     FDRE                          763
     FDSE                            7
     LUT2                         1091
     LUT6                          564
     RAM32M                         40
     RAMB18E1                       26
     RAMB36E1                        3

End of script.
`;

describe('parsers', () => {
  it('yosys stat → xc7 groups (BRAM36 = RAMB36 + RAMB18 / 2)', () => {
    const r = xc7Resources(parseYosysStat(XC7_STAT));
    expect([r.lut, r.ff, r.carry, r.ramb18, r.ramb36, r.bram36, r.dsp, r.lutram]).toEqual([1655, 770, 354, 26, 3, 16, 2, 40]);
  });
  it('yosys stat → iCE40 groups', () => {
    const r = ice40Resources({ SB_LUT4: 10, SB_DFFE: 3, SB_DFF: 2, SB_CARRY: 4, SB_RAM40_4K: 5, SB_SPRAM256KA: 4, SB_MAC16: 1 });
    expect([r.lut, r.ff, r.carry, r.bram, r.spram, r.dsp]).toEqual([10, 5, 4, 5, 4, 1]);
  });
  it('nextpnr: the last Max frequency line, and utilisation', () => {
    const log = `Info: Device utilisation:
Info: 	         ICESTORM_LC:  4321/ 5280    81%
Info: 	        ICESTORM_RAM:     6/   30    20%
Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 20.01 MHz (PASS at 12.00 MHz)
Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 24.50 MHz (PASS at 12.00 MHz)`;
    expect(parseNextpnrFmax(log)).toBe(24.5);
    expect(parseNextpnrUtilisation(log)).toEqual({
      ICESTORM_LC: { used: 4321, available: 5280 },
      ICESTORM_RAM: { used: 6, available: 30 },
    });
  });
});

describe.runIf(hasTool('yosys'))('synth_ice40', () => {
  it('a shift-leak design with loaded weights uses SPRAM and no DSP', async () => {
    const dir = path.join(root, 'ice40');
    const stim = randomSpikes(2, 4, 16, 0.3, 2);
    const net = quantize(randomChain({ sizes: [16, 8, 4], seed: 8, neuron: 'LIF' }), { weightBits: 4, leak: 'shift', calibration: stim });
    await writeDesign(dir, net, { steps: 4, neuronsPerCycle: 4, weightStore: [true, false], stimulus: stim, target: 'verilog' });
    const r = await synthesizeIce40(dir);
    expect(r.dsp).toBe(0);
    expect(r.spram).toBeGreaterThanOrEqual(1);
    expect(r.lut).toBeGreaterThan(0);
  });
});
