import { HdlError } from './hdl-error.js';
import type { DesignPlan, HardwareOptions } from './design-plan.js';
import { generateVerilog, stimulusHex, testbenchVerilog, weightBytesHex } from './generate-verilog.js';
import { generateHls } from './generate-hls.js';
import { networkToJson } from './network-json.js';
import type { QuantizedNetwork } from './quantized-network.js';
import { simulateQuantized } from './simulate-quantized.js';
import type { SpikeTrains } from './spike-trains.js';
import { synthWrapper } from './synth-wrapper.js';

/** What a design holds: the Verilog, the HLS C++, or both. */
export type Target = 'verilog' | 'hls' | 'both';

/** Options of {@link designFiles}: the hardware options, the target and the testbench stimulus. */
export interface DesignFilesOptions extends HardwareOptions {
  /** What to generate (default 'both'). */
  target?: Target;
  /** The spike trains the testbenches drive (`stim.hex`) and the golden trace `expected.txt` runs; `steps` must equal the design's. */
  stimulus: SpikeTrains;
}

/**
 * Every file of a design directory but `design.json`, as text, keyed by its path in the directory:
 * the Verilog (layer engine `neurite_layer.v`, `<name>_top.v`, the synthesis wrapper `<name>_synth.v`,
 * the `$readmemh` images `<name>_l<i>_w.hex` / `_b.hex`, `weights.hex` for a 'ram' weight store, the
 * testbench `<name>_tb.v`) and/or the HLS C++ under `hls/`, the stimulus `stim.hex`, the golden trace
 * `expected.txt` (`simulateQuantized` with `trace: true`, one line per spike `t layer index` and per
 * output `o k value`) and `network.json` (the quantised network). Pure (no file system): what
 * `writeDesign` and `neurite-hdl gen` write, and what a browser page can show.
 *
 * @example
 * ```ts
 * import { createGraph, createNode, nirArray } from '@neurite/nir';
 * import { designFiles, quantize } from '@neurite/hdl';
 *
 * const graph = createGraph({
 *   nodes: {
 *     input: createNode('Input', { shape: [2] }),
 *     fc: createNode('Affine', { weight: nirArray([0.9, -0.3, 0.4, 0.8], [2, 2]), bias: [0, 0] }),
 *     lif: createNode('LIF', { tau: [8, 8], r: [8, 8], v_leak: [0, 0], v_threshold: [1, 1] }),
 *     output: createNode('Output', { shape: [2] }),
 *   },
 *   edges: [['input', 'fc'], ['fc', 'lif'], ['lif', 'output']],
 * });
 * const stimulus = { samples: 1, steps: 3, size: 2, data: Uint8Array.from([1, 0, 1, 1, 0, 1]) };
 * const net = quantize(graph, { weightBits: 4, calibration: stimulus });
 * const { files } = designFiles(net, { steps: 3, neuronsPerCycle: 1, stimulus });
 * console.log(Object.keys(files)); // neurite_layer.v, neurite_snn_top.v, …, hls/neurite_snn.cpp, stim.hex, expected.txt, network.json
 * ```
 */
export function designFiles(net: QuantizedNetwork, options: DesignFilesOptions): { plan: DesignPlan; files: Record<string, string> } {
  const target = options.target ?? 'both';
  const stim = options.stimulus;
  if (stim.steps !== options.steps)
    throw new HdlError('stimulus', `has ${stim.steps} steps, the design ${options.steps}`, { code: 'ERR_SHAPE' });
  const files: Record<string, string> = {};
  const v = generateVerilog(net, options);
  if (target !== 'hls') {
    Object.assign(files, v.files);
    files[`${v.plan.name}_synth.v`] = synthWrapper(v.plan);
    let weightBytes = 0;
    if (v.plan.layers.some((p) => p.wram)) {
      files['weights.hex'] = weightBytesHex(net, v.plan);
      weightBytes = files['weights.hex'].trimEnd().split('\n').length;
    }
    files[`${v.plan.name}_tb.v`] = testbenchVerilog(v.plan, stim.samples, { weightBytes });
  }
  if (target !== 'verilog') for (const [f, c] of Object.entries(generateHls(net, options).files)) files[`hls/${f}`] = c;
  files['stim.hex'] = stimulusHex(stim, v.plan.inputWidth);
  files['expected.txt'] = simulateQuantized(net, stim, { trace: true }).trace!.join('\n') + '\n';
  files['network.json'] = JSON.stringify(networkToJson(net)) + '\n';
  return { plan: v.plan, files };
}
