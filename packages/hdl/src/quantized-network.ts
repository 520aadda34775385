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
  name: string;
  type: NeuronType;
  nIn: number;
  nOut: number;
  weightBits: number;
  membraneBits: number;
  fracBits: number;
  /** Row-major [nOut][nIn]. */
  weights: Int32Array;
  bias: Int32Array;
  threshold: number;
  vReset: number;
  reset: 'subtract' | 'to_v_reset';
  spiking: boolean;
  leak: QuantLeak;
  /** CubaLIF only: synaptic current leak and the current → voltage gain (v += (i · gain) >> gainBits). */
  synLeak?: QuantLeak;
  synGain?: number;
  synGainBits?: number;
}

/** A quantised feed-forward network: what the simulator, the Verilog and the HLS C++ all compute. */
export interface QuantizedNetwork {
  inputSize: number;
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
