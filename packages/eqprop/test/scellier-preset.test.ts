/**
 * scellierPreset runs Scellier & Bengio 2017's published model: a kernel built from the preset
 * (two hidden layers: 100 free / 6 nudged Euler steps, α = 0.4 / 0.1 / 0.01 in the paper's units)
 * gives the free states, nudged states and updated weights of the independent numpy version of the
 * published code (packages/bench/references/eqprop_deep.py, cost ‖s_L − y‖², fixture written by
 * scripts/make-deep-fixture.py), for both signs of β and starting from given persistent particles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EqPropKernel, scellierPreset } from '../src/index.js';
import type { EqPropSnapshot } from '../src/index.js';
import { base64ToFloat32, float32ToBase64 } from '../src/optimizer-state.js';

interface Case {
  sign: number;
  sizes: number[];
  init: { weights: number[][]; biases: number[][] };
  x: number[];
  labels: number[];
  particles: number[][];
  free: number[][];
  nudged: number[][];
  weights: number[][];
  biases: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/published-deep.json', import.meta.url), 'utf8')) as { cases: Case[] };

// float32 rounding of different summation orders (numpy BLAS vs the kernel's loops): a state's drive is a sum of
// ≤ 12 + 10 products of magnitude ≤ 1, |error| ≤ 22·2⁻²⁴ ≈ 1.3e-6 per step; the Euler map with ε = 0.5 contracts here
// (its residual falls) so errors do not pile up over the 106 steps beyond ≈ 1/(1 − 0.5) of one step's: 3e-6. The update
// adds (α'/β')/B·Σ_b (two products of states off by ≤ 3e-6) to each weight: ≤ 0.4 · 2 · 3e-6 ≈ 2.4e-6, plus the
// float32 rounding of the weight itself (≤ 1e-7): 3e-6 for both.
const STATE_TOL = 3e-6;
const WEIGHT_TOL = 3e-6;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('scellierPreset = the published model (numpy reference of Scellier & Bengio 2017)', () => {
  it('uses the published iterations and rates for two hidden layers, in this kernel’s ½‖s_L − y‖² units', () => {
    const p = scellierPreset({ inputDim: 784, hiddenDims: [500, 500], outputDim: 10 });
    expect([p.maxSteps, p.nudgedSteps, p.stepSize, p.epsilon]).toEqual([100, 6, 0.5, 0]);
    // β' = 2β, α' = 2α: the published cost ‖s_L − y‖² is twice this kernel's
    expect(p.beta).toBe(2);
    expect(p.lr).toEqual([0.8, 0.2, 0.02]);
    expect([p.estimator, p.persistent, p.spectralNorm, p.dynamics]).toEqual(['random-sign', true, false, 'scellier']);
  });

  for (const c of fixture.cases) {
    it(`one step from persistent particles, β = ${c.sign > 0 ? '+' : '−'}1: states and weights`, () => {
      const [inputDim, h1, h2, outputDim] = c.sizes;
      const preset = scellierPreset({ inputDim, hiddenDims: [h1, h2], outputDim });
      // the sign of β fixed (one-sided) instead of drawn, to pick the fixture's case
      const k0 = new EqPropKernel({ ...preset, estimator: 'one-sided', beta: c.sign * preset.beta! });
      const B = c.labels.length;
      const ids = Array.from({ length: B }, (_, b) => b);
      const snap = k0.save();
      const start: EqPropSnapshot = {
        ...snap,
        weights: c.init.weights,
        biases: c.init.biases,
        training: {
          ...snap.training!,
          particles: { ids, states: c.particles.map((p) => float32ToBase64(Float32Array.from(p))) },
        },
      };
      const k = EqPropKernel.load(JSON.parse(JSON.stringify(start)) as EqPropSnapshot);
      const x = Float32Array.from(c.x);
      // the free phase alone, from the particles: the kernel's gradient() leaves the weights alone
      const g = k.gradient(x, c.labels, { ids });
      g.free.forEach((s, l) => expect(maxAbsDiff(s, c.free[l])).toBeLessThan(STATE_TOL));
      // a training step from the same particles (gradient() moved them to the free fixed point: put them back)
      const k2 = EqPropKernel.load(JSON.parse(JSON.stringify(start)) as EqPropSnapshot);
      k2.trainBatch(x, c.labels, { ids });
      k2.net.weights.forEach((w, l) => expect(maxAbsDiff(w, c.weights[l])).toBeLessThan(WEIGHT_TOL));
      k2.net.biases.forEach((b, l) => expect(maxAbsDiff(b, c.biases[l])).toBeLessThan(WEIGHT_TOL));
      // and the particles are now the free fixed point
      const saved = k2.save().training!.particles;
      expect(saved.ids).toEqual(ids);
      saved.states.forEach((t, l) => expect(maxAbsDiff(base64ToFloat32(t, B * c.sizes[l + 1], 'p'), c.free[l])).toBeLessThan(STATE_TOL));
      // the update moved the weights by much more than the tolerance (the comparison can fail)
      const moved = Math.max(...k2.net.weights.map((w, l) => maxAbsDiff(w, c.init.weights[l])));
      expect(moved).toBeGreaterThan(1000 * WEIGHT_TOL);
    });
  }
});
