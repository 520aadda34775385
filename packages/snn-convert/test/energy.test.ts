/**
 * Energy and sparsity on a network whose spike counts are known in closed form: constant currents
 * x into IF neurons (θ = 1, v(0) = 1/2) fire clip(⌊8x + ½⌋, 0, 8) times in T = 8 steps (see if-step.test.ts),
 * and each spike drives the 2 output units (fan-out 2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import {
  ConvertError,
  ENERGY_PRESETS,
  energy,
  measureSparsity,
  neurobenchMarkdown,
  neurobenchReport,
  SpikingNetwork,
} from '../src/index.js';
import type { Network } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

// input [2] → dense 2→3 (currents x·W) → IF [3] → dense 3→2 (output)
const W1 = new Float32Array([0.25, 0.5, 0, 0, 0.125, 1]); // [in=2, out=3]
const net: Network = {
  output: 3,
  nodes: [
    { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [2] }, inputs: [], shape: [2] },
    {
      name: 'fc1',
      className: 'Dense',
      op: { kind: 'dense', w: W1, b: new Float32Array(3), inUnits: 2, units: 3 },
      inputs: [0],
      shape: [3],
    },
    { name: 'if1', className: 'IF', op: { kind: 'if', theta: new Float32Array([1]), v0: 0.5 }, inputs: [1], shape: [3] },
    {
      name: 'fc2',
      className: 'Dense',
      op: { kind: 'dense', w: new Float32Array([1, 0, 0, 1, 1, 1]), b: new Float32Array(2), inUnits: 3, units: 2 },
      inputs: [2],
      shape: [2],
    },
  ],
};
const snn = new SpikingNetwork(net);
// two samples: x = (1, 0.5) and (0.5, 0.25); currents x·W1 = (0.25, 0.5625, 0.5) and (0.125, 0.28125, 0.25)
const data = { images: new Float32Array([1, 0.5, 0.5, 0.25]), labels: [0, 1] };
const count = (x: number) => Math.min(8, Math.max(0, Math.floor(8 * x + 0.5)));
const spikes = [0.25, 0.5625, 0.5, 0.125, 0.28125, 0.25].map(count).reduce((a, b) => a + b, 0);

describe('energy / measureSparsity', () => {
  it('counts spikes, SOPs = spikes × fan-out, MACs of the analog layer, and the ANN beside it', async () => {
    const sp = await measureSparsity(snn, data, { T: 8 });
    expect(sp.spikes).toBe(spikes);
    expect(sp.total).toBe(3 * 8 * 2);
    expect(sp.sparsity).toBeCloseTo(1 - spikes / 48, 12);
    expect(sp.perLayer).toEqual([{ name: 'if1', spikes, neurons: 3, rate: spikes / 48 }]);
    for (const preset of Object.keys(ENERGY_PRESETS) as (keyof typeof ENERGY_PRESETS)[]) {
      const e = await energy(snn, data, { preset, T: 8 });
      const c = ENERGY_PRESETS[preset];
      expect(e.sops).toBe((spikes / 2) * 2);
      expect(e.macs).toBe(6);
      expect(e.annMacs).toBe(12);
      expect(e.neuronUpdates).toBe(24);
      // ≤ 2 ulp of float64 rounding in a three-term sum of pJ values
      expect(e.snnJoules).toBeCloseTo((c.mac * 6 + c.ac * spikes + c.neuron * 24) * 1e-12, 20);
      expect(e.annJoules).toBeCloseTo(c.mac * 12 * 1e-12, 20);
    }
    expect(ENERGY_PRESETS['fp32-45nm']).toMatchObject({ mac: 4.6, ac: 0.9 });
    await expect(energy(snn, data, { preset: 'gpu' as 'int8' })).rejects.toThrow(ConvertError);
  });

  it('writes a NeuroBench-style report', async () => {
    const sp = await measureSparsity(snn, data, { T: 8 });
    const r = neurobenchReport(snn, sp.evaluation);
    expect(r.parameters).toBe(6 + 3 + 6 + 2 + 1);
    expect(r.footprintBytes).toBe(4 * 18);
    expect(r.connectionSparsity).toBe(4 / 12); // two zero weights in W1, two in fc2
    expect(r.denseSynapticOps).toBe(12 * 8);
    const md = neurobenchMarkdown(r);
    expect(md.split('\n')[0]).toBe('| metric | value |');
    expect(md).toContain('| activation sparsity |');
  });
});
