import { HdlError } from './hdl-error.js';
import type { QuantizedNetwork } from './quantized-network.js';

/** Bits to index n things (at least 1). */
export function clog2(n: number): number {
  let b = 0;
  while (2 ** b < n) b++;
  return b;
}

/** Options of the generators ({@link generateVerilog}, {@link generateHls}, {@link designFiles}): names, time steps, parallelism, streams and weight storage. */
export interface HardwareOptions {
  /** Module and file name prefix (default 'neurite_snn'). */
  name?: string;
  /** Time steps per inference (spike counts are summed over them). */
  steps: number;
  /** Neurons updated per cycle, per layer or for all (default: 8, capped at the layer width). */
  neuronsPerCycle?: number | number[];
  /** Width of an input stream word, a power of two ≥ 2 (default 8): word w, bit b = input w·IW + b of a step. */
  inputWidth?: number;
  /**
   * 'rom' (default): weights in memories initialised by $readmemh (block RAM with init).
   * 'ram': the weights of every layer whose weight memory holds more than 32 kbit are loaded
   * through a byte stream (wl_valid/wl_ready/wl_data) after reset, into memories without init
   * that map to iCE40 SPRAM (which the bitstream cannot initialise); smaller layers stay ROM.
   * An array chooses per layer (true = loaded).
   */
  weightStore?: 'rom' | 'ram' | boolean[];
}

/** How one layer engine is built: its sizes, its parallelism and the bit widths of its counters and memories (Verilog parameters of `neurite_layer`). */
export interface LayerPlan {
  /** Name of the layer (its neuron node). */
  name: string;
  /** Inputs of the layer (the previous layer's neurons, or the network's inputs). */
  nIn: number;
  /** Neurons of the layer. */
  nOut: number;
  /** Neurons updated per cycle: min(neuronsPerCycle, nOut). */
  P: number;
  /** Groups of P neurons: ⌈nOut / P⌉ (cycles per input event). */
  G: number;
  /** Bits of a group index: max(1, ⌈log2 G⌉). */
  GB: number;
  /** Bits of an input index: max(1, ⌈log2 nIn⌉). */
  AI: number;
  /** Bits of a neuron index: max(1, ⌈log2 nOut⌉). */
  AO: number;
  /** Bits of the event count 0…nIn: max(1, ⌈log2(nIn + 1)⌉). */
  EC: number;
  /** Weight width in bits (the layer's `weightBits`). */
  WB: number;
  /** Membrane width in bits (the layer's `membraneBits`). */
  MB: number;
  /** Weights loaded through the byte stream (RAM, SPRAM-mappable) rather than initialised (ROM). */
  wram: boolean;
}

/** Everything the generators derive from a quantised network and the hardware options. */
export interface DesignPlan {
  /** Module and file name prefix. */
  name: string;
  /** Time steps per inference. */
  steps: number;
  /** Width of an input stream word in bits. */
  inputWidth: number;
  /** Input words per step: ⌈inputSize / inputWidth⌉. */
  words: number;
  /** Inputs of the network. */
  inputSize: number;
  /** Outputs of the network (neurons of the last layer). */
  nOut: number;
  /** The last layer is a non-spiking readout: outputs are its membranes after the last step (signed). */
  readout: boolean;
  /** Width of out_data: spike-count bits, or the readout's membrane width. */
  countBits: number;
  /** One engine per layer, in order. */
  layers: LayerPlan[];
}

/** Checks the network against what the generators map and sizes every layer. */
export function planDesign(net: QuantizedNetwork, options: HardwareOptions): DesignPlan {
  const name = options.name ?? 'neurite_snn';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new HdlError('name', `'${name}' is not a Verilog/C++ identifier`);
  const steps = options.steps;
  if (!Number.isInteger(steps) || steps < 1 || steps > 65535)
    throw new HdlError('steps', `must be an integer in [1, 65535], got ${steps}`, { code: 'ERR_OUT_OF_RANGE' });
  const iw = options.inputWidth ?? 8;
  if (!Number.isInteger(iw) || iw < 2 || iw > 64 || 2 ** clog2(iw) !== iw)
    throw new HdlError('inputWidth', `must be a power of two in [2, 64], got ${iw}`, { code: 'ERR_OUT_OF_RANGE' });
  const layers = net.layers.map((l, i): LayerPlan => {
    if (l.type === 'CubaLIF')
      throw new HdlError(
        l.name,
        `node '${l.name}': CubaLIF (synaptic current state) is simulated bit-true in TypeScript but not mapped to hardware`,
        { code: 'ERR_UNSUPPORTED' },
      );
    if (!l.spiking && i !== net.layers.length - 1)
      throw new HdlError(l.name, `node '${l.name}': a non-spiking layer is mapped only as the last (readout) layer`, {
        code: 'ERR_UNSUPPORTED',
      });
    if (l.weightBits >= l.membraneBits)
      throw new HdlError(
        l.name,
        `layer '${l.name}': membrane (${l.membraneBits} bits) must be wider than the weights (${l.weightBits} bits)`,
        { code: 'ERR_OUT_OF_RANGE' },
      );
    const npc = options.neuronsPerCycle;
    const want = Array.isArray(npc) ? npc[i] : (npc ?? 8);
    if (!Number.isInteger(want) || want < 1)
      throw new HdlError('neuronsPerCycle', `must be integers ≥ 1, got ${want}`, { code: 'ERR_OUT_OF_RANGE' });
    const P = Math.min(want, l.nOut);
    const G = Math.ceil(l.nOut / P);
    return {
      name: l.name,
      nIn: l.nIn,
      nOut: l.nOut,
      P,
      G,
      GB: Math.max(1, clog2(G)),
      AI: Math.max(1, clog2(l.nIn)),
      AO: Math.max(1, clog2(l.nOut)),
      EC: Math.max(1, clog2(l.nIn + 1)),
      WB: l.weightBits,
      MB: l.membraneBits,
      wram: false,
    };
  });
  const ws = options.weightStore ?? 'rom';
  if (ws !== 'rom' && ws !== 'ram' && !(Array.isArray(ws) && ws.length === net.layers.length))
    throw new HdlError('weightStore', `must be 'rom', 'ram' or one boolean per layer, got ${JSON.stringify(ws)}`);
  layers.forEach((p, i) => {
    p.wram = Array.isArray(ws) ? Boolean(ws[i]) : ws === 'ram' && p.nIn * 2 ** p.GB * p.P * p.WB > 32768;
  });
  const nOut = net.layers[net.layers.length - 1].nOut;
  return {
    name,
    steps,
    inputWidth: iw,
    words: Math.ceil(net.inputSize / iw),
    inputSize: net.inputSize,
    nOut,
    readout: net.output === 'membrane',
    countBits: net.output === 'membrane' ? net.layers[net.layers.length - 1].membraneBits : Math.max(1, clog2(steps + 1)),
    layers,
  };
}
