import type { NeuronType } from './lower-graph.js';

/** Leak of a quantised layer, applied to the integer membrane v once per step. */
export type QuantLeak =
  | { kind: 'none' }
  /** v − (v >> shift): the factor 1 − 2^−shift, no multiplier (>> is arithmetic, rounding toward −∞). */
  | { kind: 'shift'; shift: number }
  /** (v · factor) >> bits: the factor factor / 2^bits, one multiplier. */
  | { kind: 'mul'; factor: number; bits: number };

/**
 * One quantised layer. Integers everywhere: weights in `weightBits`-bit two's complement, membrane
 * (and bias, threshold, reset value) in `membraneBits`-bit two's complement; real value = integer ·
 * 2^−fracBits in units of the layer's threshold (so `threshold` = 2^fracBits unless saturated).
 */
export interface QuantLayer {
  /** Name of the layer (its neuron node). */
  name: string;
  /** Neuron type of the layer. */
  type: NeuronType;
  /** Inputs of the layer. */
  nIn: number;
  /** Neurons of the layer. */
  nOut: number;
  /** Weight width in bits (two's complement). */
  weightBits: number;
  /** Membrane width in bits (two's complement); bias, threshold and reset value share it. */
  membraneBits: number;
  /** Fractional bits f: a real value x is the integer round(x · 2^f). */
  fracBits: number;
  /** Row-major [nOut][nIn]. */
  weights: Int32Array;
  /** Bias per neuron, b_q = round(b · 2^f), added every step. */
  bias: Int32Array;
  /** Threshold θ_q = 2^f (a spike when v > θ_q). */
  threshold: number;
  /** Potential after a spike for 'to_v_reset', round(v_reset · 2^f). */
  vReset: number;
  /** After a spike: v − θ_q ('subtract') or vReset ('to_v_reset'). */
  reset: 'subtract' | 'to_v_reset';
  /** Whether the layer spikes (false for an LI readout, the last layer only). */
  spiking: boolean;
  /** The membrane leak applied once per step. */
  leak: QuantLeak;
  /** CubaLIF only: synaptic current leak and the current → voltage gain (v += (i · gain) >> gainBits). */
  synLeak?: QuantLeak;
  /** CubaLIF only: the current → voltage gain, v += (i · synGain) >> synGainBits. */
  synGain?: number;
  /** CubaLIF only: fraction bits of `synGain`. */
  synGainBits?: number;
}

/** A quantised feed-forward network: what the simulator, the Verilog and the HLS C++ all compute. */
export interface QuantizedNetwork {
  /** Inputs of the network (spikes, 0/1). */
  inputSize: number;
  /** The layers, input to output. */
  layers: QuantLayer[];
  /** 'counts': spike counts of the last layer per inference; 'membrane': its membrane after the last step (LI readout). */
  output: 'counts' | 'membrane';
}

/** Two's-complement range of a b-bit integer. */
export function intRange(bits: number): [number, number] {
  return [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
}

/** Saturate x to a b-bit two's-complement integer. */
export function saturate(x: number, bits: number): number {
  const hi = 2 ** (bits - 1) - 1;
  const lo = -(2 ** (bits - 1));
  return x > hi ? hi : x < lo ? lo : x;
}

/** Arithmetic shift right (rounds toward −∞), exact for |x| < 2^53. */
export function shiftRight(x: number, k: number): number {
  return Math.floor(x / 2 ** k);
}

/** The leak of a quantised layer applied to v (no saturation; callers saturate). */
export function applyLeak(v: number, leak: QuantLeak): number {
  if (leak.kind === 'none') return v;
  if (leak.kind === 'shift') return v - shiftRight(v, leak.shift);
  return shiftRight(v * leak.factor, leak.bits);
}
