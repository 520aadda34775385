import type { NirGraph } from '@neurite/nir';
import { HdlError } from './hdl-error.js';
import { lowerGraph, type FloatLayer, type FloatNetwork, type LowerOptions } from './lower-graph.js';
import { intRange, saturate, type QuantLayer, type QuantLeak, type QuantizedNetwork } from './quantized-network.js';
import { simulateQuantized } from './simulate-quantized.js';
import type { SpikeTrains } from './spike-trains.js';

/** Per-layer format settings (by neuron node name in `perLayer`, or for every layer at the top level). */
export interface LayerFormat {
  /** Weight width in bits, 2..16 (default 8). */
  weightBits?: number;
  /** Membrane (state, bias, threshold) width in bits, 4..32, or 'auto' from calibration ranges (default). */
  membraneBits?: number | 'auto';
  /** Fractional bits: the threshold is 2^fracBits; 'auto' (default) picks the value with the least weight error. */
  fracBits?: number | 'auto';
  /** 'shift': leak factor 1 − 2^−k, no multiplier (default); 'mul': a fixed-point multiply with `leakBits` fraction bits. */
  leak?: 'shift' | 'mul';
  /** Fraction bits of the 'mul' leak factor and of the CubaLIF current gain (default 12). */
  leakBits?: number;
}

export interface QuantizeOptions extends LayerFormat, LowerOptions {
  /** Overrides by neuron node name. */
  perLayer?: Record<string, LayerFormat>;
  /** Spike trains whose membrane ranges set 'auto' membrane widths (without them: a bound from the weights). */
  calibration?: SpikeTrains;
}

/**
 * Quantises a NIR graph (or an already lowered {@link FloatNetwork}) to integers. Per layer, with
 * the float layer normalised to threshold 1 (see `lowerGraph`) and f fractional bits:
 *
 *   W_q = clamp(round(W · 2^f), −2^(wb−1), 2^(wb−1) − 1),  b_q = round(b · 2^f),  θ_q = 2^f,
 *   v_reset_q = round(v_reset · 2^f)
 *
 * f = 'auto' tries f_fit … f_fit + 4 (f_fit: the largest f with no clipped weight) and keeps the one
 * with the least squared weight error (clipping a few outliers can beat a coarse step). The leak
 * a becomes 1 − 2^−k with k = round(−log2(1 − a)) ('shift') or round(a · 2^leakBits) / 2^leakBits
 * ('mul'). 'auto' membrane width: the smallest two's-complement width holding twice the largest
 * |membrane| the calibration spike trains reach (one bit of headroom), and at least θ_q and the weights.
 * Arithmetic saturates at that width (see `simulateQuantized`).
 *
 * @example
 * ```ts
 * import { createGraph, createNode, nirArray } from '@neurite/nir';
 * import { quantize } from '@neurite/hdl';
 *
 * // LIF with τ = 16 steps (dt = 1): leak a = 1 − 1/16 = 1 − 2^−4, a shift by 4; weights 0.6 and −0.2 at 4 bits.
 * const graph = createGraph({
 *   nodes: {
 *     input: createNode('Input', { shape: [2] }),
 *     fc: createNode('Linear', { weight: nirArray([0.6, -0.2], [1, 2]) }),
 *     lif: createNode('LIF', { tau: [16], r: [16], v_leak: [0], v_threshold: [1], v_reset: [0] }),
 *     output: createNode('Output', { shape: [1] }),
 *   },
 *   edges: [['input', 'fc'], ['fc', 'lif'], ['lif', 'output']],
 * });
 * const [layer] = quantize(graph, { weightBits: 4, fracBits: 3, membraneBits: 8 }).layers;
 * console.log(layer.leak, layer.threshold, Array.from(layer.weights)); // { kind: 'shift', shift: 4 } 8 [ 5, -2 ]: round(0.6·8), round(−0.2·8)
 * ```
 */
export function quantize(graph: NirGraph | FloatNetwork, options: QuantizeOptions = {}): QuantizedNetwork {
  const float = 'layers' in graph && !('nodes' in graph) ? graph : lowerGraph(graph as NirGraph, options);
  const layers: QuantLayer[] = float.layers.map((l) => quantizeLayer(l, formatOf(l.name, options)));
  const last = float.layers[float.layers.length - 1];
  const net: QuantizedNetwork = { inputSize: float.inputSize, layers, output: last.spiking ? 'counts' : 'membrane' };
  for (let l = 0; l < layers.length; l++)
    if (!float.layers[l].spiking && l !== layers.length - 1)
      throw new HdlError(
        float.layers[l].name,
        `node '${float.layers[l].name}': a non-spiking LI layer can only be the last (readout) layer`,
        { code: 'ERR_UNSUPPORTED' },
      );
  // Membrane widths: measure ranges with wide (48-bit, never saturating) arithmetic, then size.
  const autoLayers = layers.map((l) => formatOf(l.name, options).membraneBits ?? 'auto');
  if (autoLayers.some((m) => m === 'auto')) {
    let ranges: number[];
    if (options.calibration) {
      const wide: QuantizedNetwork = { ...net, layers: layers.map((l) => ({ ...l, membraneBits: 48 })) };
      ranges = simulateQuantized(wide, options.calibration).maxAbs;
    } else ranges = layers.map((l) => weightBound(l));
    layers.forEach((l, i) => {
      if (autoLayers[i] !== 'auto') return;
      const need = Math.max(2 * ranges[i], l.threshold, Math.abs(l.vReset), 2 ** (l.weightBits - 1));
      l.membraneBits = Math.max(4, Math.ceil(Math.log2(need + 1)) + 1);
      if (l.membraneBits > 32) l.membraneBits = 32;
    });
  }
  for (const l of layers) {
    checkFits(l);
    // Biases are stored saturated to the membrane width (the hardware's bias memories hold that width).
    for (let i = 0; i < l.nOut; i++) l.bias[i] = saturate(l.bias[i], l.membraneBits);
  }
  return net;
}

function formatOf(name: string, o: QuantizeOptions): LayerFormat {
  return {
    weightBits: o.weightBits,
    membraneBits: o.membraneBits,
    fracBits: o.fracBits,
    leak: o.leak,
    leakBits: o.leakBits,
    ...(o.perLayer?.[name] ?? {}),
  };
}

function weightBound(l: QuantLayer): number {
  let best = 0;
  for (let i = 0; i < l.nOut; i++) {
    let pos = 0;
    let neg = 0;
    for (let j = 0; j < l.nIn; j++) {
      const w = l.weights[i * l.nIn + j];
      if (w > 0) pos += w;
      else neg -= w;
    }
    best = Math.max(best, l.threshold + pos + Math.abs(l.bias[i]), neg + Math.abs(l.bias[i]) + Math.abs(l.vReset));
  }
  return best;
}

function checkFits(l: QuantLayer) {
  const [lo, hi] = intRange(l.membraneBits);
  if (l.threshold > hi || l.vReset < lo || l.vReset > hi)
    throw new HdlError(
      l.name,
      `layer '${l.name}': threshold ${l.threshold} or reset ${l.vReset} does not fit ${l.membraneBits} membrane bits`,
      { code: 'ERR_OUT_OF_RANGE' },
    );
}

function checkInt(name: string, v: number | undefined, lo: number, hi: number): void {
  if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi))
    throw new HdlError(name, `${name} must be an integer in [${lo}, ${hi}], got ${v}`, { code: 'ERR_OUT_OF_RANGE' });
}

function quantizeLeak(a: number, kind: 'shift' | 'mul', bits: number): QuantLeak {
  if (a === 1) return { kind: 'none' };
  if (!(a >= 0 && a < 1)) throw new HdlError('leak', `leak factor ${a} is outside [0, 1]`, { code: 'ERR_OUT_OF_RANGE' });
  if (kind === 'shift') return { kind: 'shift', shift: a === 0 ? 0 : Math.max(0, Math.min(31, Math.round(-Math.log2(1 - a)))) };
  return { kind: 'mul', factor: Math.round(a * 2 ** bits), bits };
}

function quantizeLayer(l: FloatLayer, f: LayerFormat): QuantLayer {
  const wb = f.weightBits ?? 8;
  checkInt('weightBits', wb, 2, 16);
  if (typeof f.membraneBits === 'number') checkInt('membraneBits', f.membraneBits, 4, 32);
  if (typeof f.fracBits === 'number') checkInt('fracBits', f.fracBits, 0, 30);
  const leakBits = f.leakBits ?? 12;
  checkInt('leakBits', leakBits, 1, 16);
  const [qlo, qhi] = intRange(wb);
  let maxW = 0;
  for (const w of l.weight) maxW = Math.max(maxW, Math.abs(w));
  const q = (w: number, s: number) => Math.min(qhi, Math.max(qlo, Math.round(w * s)));
  let frac: number;
  if (typeof f.fracBits === 'number') frac = f.fracBits;
  else {
    const fit = maxW > 0 ? Math.max(0, Math.floor(Math.log2(qhi / maxW))) : 0;
    let best = Infinity;
    frac = fit;
    for (let c = fit; c <= Math.min(30, fit + 4); c++) {
      const s = 2 ** c;
      let err = 0;
      for (const w of l.weight) {
        const d = q(w, s) / s - w;
        err += d * d;
      }
      if (err < best - 1e-15) {
        best = err;
        frac = c;
      }
    }
  }
  const s = 2 ** frac;
  const weights = new Int32Array(l.weight.length);
  for (let k = 0; k < weights.length; k++) weights[k] = q(l.weight[k], s);
  const bias = new Int32Array(l.nOut);
  for (let i = 0; i < l.nOut; i++) bias[i] = Math.round(l.bias[i] * s);
  const kind = f.leak ?? 'shift';
  const out: QuantLayer = {
    name: l.name,
    type: l.type,
    nIn: l.nIn,
    nOut: l.nOut,
    weightBits: wb,
    membraneBits: typeof f.membraneBits === 'number' ? f.membraneBits : 32,
    fracBits: frac,
    weights,
    bias,
    threshold: l.spiking ? s : 0,
    vReset: Math.round(l.vReset * s),
    reset: l.reset,
    spiking: l.spiking,
    leak: quantizeLeak(l.leak, kind, leakBits),
  };
  if (l.type === 'CubaLIF') {
    out.synLeak = quantizeLeak(l.synLeak!, kind, leakBits);
    out.synGain = Math.round(l.synGain! * 2 ** leakBits);
    out.synGainBits = leakBits;
  }
  return out;
}
