/**
 * The EP gradient of EqPropKernel against the BPTT gradient of the same relaxation
 * (tfjs autodiff through 400 unrolled free steps of relaxTensors, converged to
 * float32 resolution: the residual of this contraction falls by > 1e-6 in 400 steps).
 * Theory (Scellier & Bengio 2017; Laborieux et al. 2021; Laborieux & Zenke 2022):
 * the one-sided estimate has a bias O(β), the symmetric one O(β²), holomorphic EP
 * with N points O(|β|^N).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { bpttGradient, logLogSlope, relativeError, smallProblem } from './gradient-check.js';
import type { Dynamics, Estimator } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

function sweep(dynamics: Dynamics, estimator: Estimator, betas: number[]): number[] {
  const { kernel, x, labels } = smallProblem({ dynamics });
  const ref = bpttGradient(kernel, x, labels, 400);
  return betas.map((beta) => {
    const p = smallProblem({ beta, estimator, dynamics, nudgedSteps: 2000 });
    return relativeError(p.kernel.gradient(p.x, p.labels), labels.length, ref);
  });
}

// β from 0.4 down to 0.05: below that the float32 rounding of the states (~6e-8,
// divided by β) approaches the O(β²) bias of the symmetric estimate.
const BETAS = [0.4, 0.2, 0.1, 0.05];

describe('EP gradient → BPTT gradient as β → 0', () => {
  for (const dynamics of ['laborieux', 'async'] as const) {
    it(`${dynamics}: one-sided error is O(β) (log-log slope 1 ± 0.1)`, () => {
      const errs = sweep(dynamics, 'one-sided', BETAS);
      // ±0.1: the next term of the expansion (β²) over an 8× range of β moves the fitted slope by less.
      expect(logLogSlope(BETAS, errs)).toBeGreaterThan(0.9);
      expect(logLogSlope(BETAS, errs)).toBeLessThan(1.1);
      expect(errs[errs.length - 1]).toBeLessThan(0.05);
    });

    it(`${dynamics}: symmetric error is O(β²) (log-log slope 2 ± 0.2)`, () => {
      const errs = sweep(dynamics, 'symmetric', BETAS);
      expect(logLogSlope(BETAS, errs)).toBeGreaterThan(1.8);
      expect(logLogSlope(BETAS, errs)).toBeLessThan(2.2);
      expect(errs[errs.length - 1]).toBeLessThan(1e-3);
    });
  }

  it('holomorphic EP matches BPTT at β = 0.5 within 1e-3 relative for N = 4 and 6', () => {
    const { kernel, x, labels } = smallProblem();
    const ref = bpttGradient(kernel, x, labels, 400);
    for (const N of [4, 6]) {
      const p = smallProblem({ beta: 0.5, estimator: 'holomorphic', holomorphicPoints: N, nudgedSteps: 2000 });
      expect(relativeError(p.kernel.gradient(p.x, p.labels), labels.length, ref)).toBeLessThan(1e-3);
    }
    // and the one-sided estimate at the same finite β is far off (the point of holomorphic EP)
    const q = smallProblem({ beta: 0.5, nudgedSteps: 2000 });
    expect(relativeError(q.kernel.gradient(q.x, q.labels), labels.length, ref)).toBeGreaterThan(0.05);
  });
});
