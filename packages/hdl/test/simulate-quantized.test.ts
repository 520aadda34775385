/**
 * The golden model against hand-computed integer sequences: accumulation, threshold, both resets,
 * the shift and multiply leaks, saturation, and event order across layers.
 */
import { describe, expect, it } from 'vitest';
import { simulateQuantized } from '../src/simulate-quantized.js';
import type { QuantLayer, QuantizedNetwork } from '../src/quantized-network.js';
import { applyLeak, saturate, shiftRight } from '../src/quantized-network.js';

function layer(over: Partial<QuantLayer>): QuantLayer {
  return {
    name: 'n',
    type: 'LIF',
    nIn: 1,
    nOut: 1,
    weightBits: 8,
    membraneBits: 8,
    fracBits: 2,
    weights: Int32Array.from([3]),
    bias: Int32Array.from([0]),
    threshold: 4,
    vReset: 0,
    reset: 'subtract',
    spiking: true,
    leak: { kind: 'none' },
    ...over,
  };
}
const trains = (bits: number[]) => ({ samples: 1, steps: bits.length, size: 1, data: Uint8Array.from(bits) });

describe('simulateQuantized', () => {
  it('IF with reset by subtraction: v = 3, 6 → spike (2), 5 → spike (1), 4, 7 → spike (3)', () => {
    const net: QuantizedNetwork = { inputSize: 1, layers: [layer({})], output: 'counts' };
    const r = simulateQuantized(net, trains([1, 1, 1, 0, 1, 1]), { trace: true });
    // v: 3 | 6>4 spike → 2 | 5>4 spike → 1 | 1 | 4 (not > 4) | 7>4 spike → 3
    expect(r.trace).toEqual(['1 0 0', '2 0 0', '5 0 0', 'o 0 3']);
    expect(Array.from(r.outputs)).toEqual([3]);
  });

  it('reset to v_reset and a bias', () => {
    const net: QuantizedNetwork = {
      inputSize: 1,
      layers: [layer({ reset: 'to_v_reset', vReset: -2, bias: Int32Array.from([1]) })],
      output: 'counts',
    };
    // start sat(b) = 1; t0: 1+3 = 4 (no); next base 4+1 = 5; t1: 5+3 = 8 > 4 spike → −2, base −1; t2: −1+3 = 2; base 3; t3: 3+3 = 6 spike
    const r = simulateQuantized(net, trains([1, 1, 1, 1]), { trace: true });
    expect(r.trace).toEqual(['1 0 0', '3 0 0', 'o 0 2']);
  });

  it('shift leak v − (v >> k) rounds toward −∞ like an arithmetic shift', () => {
    expect(applyLeak(100, { kind: 'shift', shift: 2 })).toBe(75);
    expect(applyLeak(-100, { kind: 'shift', shift: 2 })).toBe(-75);
    expect(applyLeak(-3, { kind: 'shift', shift: 2 })).toBe(-2); // −3 − ⌊−3/4⌋ = −3 + 1
    expect(applyLeak(7, { kind: 'mul', factor: 3, bits: 2 })).toBe(5); // ⌊21/4⌋
    expect(applyLeak(-7, { kind: 'mul', factor: 3, bits: 2 })).toBe(-6); // ⌊−21/4⌋
    expect(shiftRight(-1, 5)).toBe(-1);
  });

  it('saturates every addition at the membrane width', () => {
    expect(saturate(200, 8)).toBe(127);
    expect(saturate(-200, 8)).toBe(-128);
    const net: QuantizedNetwork = {
      inputSize: 1,
      layers: [layer({ weights: Int32Array.from([-100]), threshold: 50, reset: 'subtract' })],
      output: 'counts',
    };
    const r = simulateQuantized(net, trains([1, 1, 1]));
    expect(r.maxAbs[0]).toBe(228); // −128 − 100 seen before saturation
    expect(Array.from(r.outputs)).toEqual([0]);
  });

  it('spikes of a layer are the next layer’s inputs in the same step, lowest index first', () => {
    const l0 = layer({ nIn: 1, nOut: 2, weights: Int32Array.from([5, 9]), bias: Int32Array.from([0, 0]), threshold: 4 });
    const l1 = layer({ nIn: 2, nOut: 1, weights: Int32Array.from([3, 2]), threshold: 4 });
    const r = simulateQuantized({ inputSize: 1, layers: [l0, l1], output: 'counts' }, trains([1]), { trace: true });
    expect(r.trace).toEqual(['0 0 0', '0 0 1', '0 1 0', 'o 0 1']);
  });

  it('an LI readout returns the last membrane', () => {
    const li = layer({ type: 'LI', spiking: false, threshold: 0, leak: { kind: 'shift', shift: 1 } });
    // t0: 3; base 3 − 1 = 2; t1: 2 + 3 = 5
    const r = simulateQuantized({ inputSize: 1, layers: [li], output: 'membrane' }, trains([1, 1]));
    expect(Array.from(r.outputs)).toEqual([5]);
  });
});
