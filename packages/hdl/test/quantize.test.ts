/**
 * quantize: formats (weights within their bits, threshold 2^f, leak shift/multiplier from τ),
 * 'auto' membrane widths that never saturate on the calibration data, agreement with the float
 * NIR executor, and HdlErrors for out-of-range formats.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { quantize } from '../src/quantize.js';
import { simulateQuantized } from '../src/simulate-quantized.js';
import { runFloatExecutor } from '../src/run-float-executor.js';
import { HdlError } from '../src/hdl-error.js';
import { randomChain, randomSpikes } from './helpers.js';

beforeAll(async () => {
  await setBackend('cpu');
});

describe('quantize', () => {
  const graph = randomChain({ sizes: [20, 12, 5], seed: 3, neuron: 'LIF', tau: 16 });
  const cal = randomSpikes(16, 20, 20, 0.3, 9);

  it.each([2, 3, 4, 8, 16])('%i-bit weights stay in range; threshold = 2^fracBits', (wb) => {
    const q = quantize(graph, { weightBits: wb, calibration: cal });
    for (const l of q.layers) {
      for (const w of l.weights) {
        expect(w).toBeGreaterThanOrEqual(-(2 ** (wb - 1)));
        expect(w).toBeLessThanOrEqual(2 ** (wb - 1) - 1);
      }
      expect(l.threshold).toBe(2 ** l.fracBits);
      expect(l.membraneBits).toBeGreaterThan(wb);
    }
  });

  it('leak 1 − dt/τ = 1 − 2^−4 becomes a shift by 4, or the multiplier round(15/16 · 2^12)', () => {
    expect(quantize(graph, { calibration: cal }).layers[0].leak).toEqual({ kind: 'shift', shift: 4 });
    expect(quantize(graph, { leak: 'mul', calibration: cal }).layers[0].leak).toEqual({ kind: 'mul', factor: 3840, bits: 12 });
    const ifGraph = randomChain({ sizes: [6, 3], seed: 1, neuron: 'IF' });
    expect(quantize(ifGraph).layers[0].leak).toEqual({ kind: 'none' });
  });

  it("'auto' membrane widths hold every calibration value: the saturating model equals the 48-bit one", () => {
    const q = quantize(graph, { weightBits: 4, calibration: cal });
    const wide = { ...q, layers: q.layers.map((l) => ({ ...l, membraneBits: 48 })) };
    expect(Array.from(simulateQuantized(q, cal).outputs)).toEqual(Array.from(simulateQuantized(wide, cal).outputs));
  });

  it('perLayer overrides one layer', () => {
    const q = quantize(graph, { weightBits: 8, perLayer: { n2: { weightBits: 3, fracBits: 2 } }, calibration: cal });
    expect(q.layers[0].weightBits).toBe(8);
    expect(q.layers[1].weightBits).toBe(3);
    expect(q.layers[1].threshold).toBe(4);
  });

  it('16-bit weights give the float executor’s spike counts on seeded data', async () => {
    // Deterministic regression on fixed seeds: with 16-bit weights the rounding error per step
    // (≤ n_in · 2^−f−1 ≈ 20 · 2^−16) has not flipped a threshold crossing on these trains.
    const stim = randomSpikes(8, 24, 20, 0.3, 11);
    const q = quantize(graph, { weightBits: 16, calibration: cal });
    const f = await runFloatExecutor(graph, stim, { reset: 'subtract' });
    expect(Array.from(simulateQuantized(q, stim).outputs)).toEqual(Array.from(f.outputs));
  });

  it('rejects widths out of range with an HdlError naming the option', () => {
    expect(() => quantize(graph, { weightBits: 1 })).toThrow(HdlError);
    expect(() => quantize(graph, { weightBits: 17 })).toThrow(/weightBits/);
    expect(() => quantize(graph, { membraneBits: 3 })).toThrow(/membraneBits/);
    expect(() => quantize(graph, { weightBits: 8, membraneBits: 6, fracBits: 10 })).toThrow(/does not fit 6 membrane bits/);
  });
});
