import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@neurite/tensor/node';
import { HdlError } from './hdl-error.js';
import type { DesignPlan, HardwareOptions } from './design-plan.js';
import { designFiles, type Target } from './design-files.js';
import type { QuantizedNetwork } from './quantized-network.js';
import type { SpikeTrains } from './spike-trains.js';

export type { Target } from './design-files.js';

/** What `design.json` in a design directory records. */
export interface DesignRecord {
  /** Module and file name prefix. */
  name: string;
  /** What the directory holds. */
  targets: Array<'verilog' | 'hls'>;
  /** The plan of the Verilog design. */
  plan: DesignPlan;
  /** Inferences in the testbenches (`stim.hex`). */
  samples: number;
  /** The quantised layers: sizes, widths, leak and reset. */
  layers: Array<{
    name: string;
    type: string;
    nIn: number;
    nOut: number;
    weightBits: number;
    membraneBits: number;
    fracBits: number;
    leak: unknown;
    reset: string;
  }>;
  /** Optional accuracy figures (quantised vs float) measured when the design was generated. */
  accuracy?: Record<string, number>;
  /** Free-form provenance (source file, options). */
  source?: Record<string, unknown>;
}

/**
 * Writes a design directory: the Verilog (layer engine, top, synthesis wrapper, $readmemh images,
 * testbench) and/or the HLS C++ (under hls/), the stimulus `stim.hex`, the golden trace
 * `expected.txt` of `simulateQuantized`, `network.json` (the quantised network) and `design.json`.
 */
export async function writeDesign(
  dir: string,
  net: QuantizedNetwork,
  options: HardwareOptions & {
    target?: Target;
    stimulus: SpikeTrains;
    accuracy?: Record<string, number>;
    source?: Record<string, unknown>;
  },
): Promise<DesignRecord> {
  const target = options.target ?? 'both';
  const stim = options.stimulus;
  if (stim.steps !== options.steps)
    throw new HdlError('stimulus', `has ${stim.steps} steps, the design ${options.steps}`, { code: 'ERR_SHAPE' });
  await mkdir(dir, { recursive: true });
  const { plan, files } = designFiles(net, { ...options, target });
  const record: DesignRecord = {
    name: plan.name,
    targets: target === 'both' ? ['verilog', 'hls'] : [target],
    plan,
    samples: stim.samples,
    layers: net.layers.map((l) => ({
      name: l.name,
      type: l.type,
      nIn: l.nIn,
      nOut: l.nOut,
      weightBits: l.weightBits,
      membraneBits: l.membraneBits,
      fracBits: l.fracBits,
      leak: l.leak,
      reset: l.reset,
    })),
    accuracy: options.accuracy,
    source: options.source,
  };
  files['design.json'] = JSON.stringify(record, null, 2) + '\n';
  for (const [f, c] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFileAtomic(path.join(dir, f), c);
  }
  return record;
}

/** Reads `design.json` of a design directory. */
export async function readDesign(dir: string): Promise<DesignRecord> {
  const file = path.join(dir, 'design.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new HdlError(dir, `${file} cannot be read: is ${dir} a directory written by 'neurite-hdl gen'?`, {
      code: 'ERR_FILE',
      path: file,
      cause: e,
    });
  }
  return JSON.parse(text) as DesignRecord;
}
