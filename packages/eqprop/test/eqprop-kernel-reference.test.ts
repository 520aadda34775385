/**
 * EqPropKernel against the project's independent numpy version of the same algorithm
 * (packages/bench/references/eqprop.py; fixture written by scripts/make-fixtures.py):
 * the same initial weights and batch give the same step counts, free states, losses and
 * weights after three training steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EqPropKernel } from '../src/index.js';
import type { EqPropSnapshot } from '../src/index.js';

interface Case {
  settings: Record<string, unknown> & { name: string; lr: number[] };
  sizes: number[];
  init: { weights: number[][]; biases: number[][] };
  x: number[];
  labels: number[];
  steps: { loss: number; accuracy: number; freeSteps: number; nudgedSteps: number; free: number[][] }[];
  weights: number[][];
  biases: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/reference-steps.json', import.meta.url), 'utf8')) as { cases: Case[] };

// float32 rounding: each value is a sum of ≤ 12 products of magnitude ≤ 1, computed in a
// different order (BLAS vs loops): |error| ≤ 12 · 2⁻²⁴ per operation, compounded over ≤ 40
// contracting relaxation steps and 3 updates; 1e-5 bounds it with room (float32 eps · n · steps).
const TOL = 1e-5;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('EqPropKernel = numpy reference (same weights, same batch)', () => {
  for (const c of fixture.cases) {
    it(c.settings.name, () => {
      const st = c.settings;
      const snapshot: EqPropSnapshot = {
        format: 'neurite-eqprop',
        version: 1,
        options: {
          inputDim: c.sizes[0],
          hiddenDims: c.sizes.slice(1, -1),
          outputDim: c.sizes[c.sizes.length - 1],
          gamma: st.gamma as number,
          beta: st.beta as number,
          maxSteps: st.max_steps as number,
          nudgedSteps: st.nudged_steps as number,
          epsilon: st.epsilon as number,
          adaptiveEpsilon: st.adaptive as boolean,
          lr: st.lr,
          spectralNorm: st.spectral === null ? false : (st.spectral as number),
          dtype: 'float32',
          dynamics: st.dynamics as 'laborieux',
          activation: st.activation as 'sigmoid',
          cost: st.cost as 'mse',
          estimator: st.estimator as 'one-sided',
          holomorphicPoints: 4,
          stepSize: st.step_size as number,
          persistent: false,
          optimizer: 'sgd',
          conv: null,
        },
        weights: c.init.weights,
        biases: c.init.biases,
        steps: 0,
      };
      const k = EqPropKernel.load(snapshot);
      const x = Float32Array.from(c.x);
      c.steps.forEach((ref, t) => {
        const g = k.gradient(x, c.labels);
        expect(
          maxAbsDiff(
            g.free.flatMap((s) => Array.from(s)),
            ref.free.flat(),
          ),
        ).toBeLessThan(TOL);
        const r = k.trainBatch(x, c.labels);
        expect([r.freeSteps, r.nudgedSteps], `step ${t}`).toEqual([ref.freeSteps, ref.nudgedSteps]);
        expect(Math.abs(r.loss - ref.loss)).toBeLessThan(TOL);
        expect(r.accuracy).toBe(ref.accuracy);
      });
      c.weights.forEach((w, l) => expect(maxAbsDiff(k.net.weights[l], w)).toBeLessThan(TOL));
      c.biases.forEach((b, l) => expect(maxAbsDiff(k.net.biases[l], b)).toBeLessThan(TOL));
    });
  }
});
