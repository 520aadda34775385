import { describe, it, expect } from 'vitest';
import {
  simulateProjection, simulateAssociation, simulateMerge, simulatePatternCompletion, simulateReciprocalProjection,
  simulateSequence, projectStimulus, Brain,
} from '../src/index.js';

// Thresholds from the reference simulations_test.py (brain.py); chance overlap of two random k-sets of n is k²/n.
describe('operations', () => {
  it('projection converges (n = 1e6, k = 1000, p = 1e-3, β = 0.05, 25 rounds: last two supports equal)', () => {
    const r = simulateProjection({ n: 1_000_000, k: 1000, p: 0.001, beta: 0.05, rounds: 25, seed: 0 });
    expect(r.support[24]).toBe(r.support[23]);
    const b = new Brain(0.05, 1).addStimulus('s', 100).addArea('A', 10000, 100, 0.1);
    const sup = projectStimulus(b, 's', 'A', 20);
    expect(sup[0]).toBe(100);
    expect(sup[19]).toBe(sup[18]);
  });

  it('pattern completion: half of the assembly recalls >= 300 of 317 neurons', () => {
    const r = simulatePatternCompletion({ n: 100000, k: 317, p: 0.05, beta: 0.05, projectRounds: 25, alpha: 0.5, completionRounds: 5, seed: 0 });
    expect(r.recovered[4] * 317).toBeGreaterThanOrEqual(300);
  });

  it('association: disjoint before (<= 2), joint assembly shares >= 100 with each, >= 20 after', () => {
    const r = simulateAssociation({ n: 100000, k: 317, p: 0.05, beta: 0.1, seed: 0, sampler: 'reference' });
    expect(r.before).toBeLessThanOrEqual(2);
    expect(r.jointWithA).toBeGreaterThanOrEqual(100);
    expect(r.jointWithB).toBeGreaterThanOrEqual(100);
    expect(r.after).toBeGreaterThanOrEqual(20);
  });

  it('merge: supports stay bounded (A, B <= 3200, C <= 6400 after 50 rounds)', () => {
    const r = simulateMerge({ n: 100000, k: 317, p: 0.01, beta: 0.05, rounds: 50, seed: 0 });
    expect(r.supportA[r.supportA.length - 1]).toBeLessThanOrEqual(3200);
    expect(r.supportB[r.supportB.length - 1]).toBeLessThanOrEqual(3200);
    expect(r.supportC[r.supportC.length - 1]).toBeLessThanOrEqual(6400);
    // C converged: its last round recruited nobody new
    expect(r.brain.areaInfo('C').numNewWinners).toBe(0);
  });

  it('reciprocal projection: B recalls A and A recalls B (far above chance k/n)', () => {
    const r = simulateReciprocalProjection({ n: 100000, k: 317, p: 0.01, beta: 0.1, formRounds: 15, rounds: 15, seed: 0 });
    expect(r.recoveredA).toBeGreaterThan(0.5);
    expect(r.recoveredB).toBeGreaterThan(0.5);
  });

  it('sequence memorisation: the recalled states follow the trained sequence', () => {
    const r = simulateSequence({ n: 100000, k: 317, p: 0.01, beta: 0.1, length: 5, epochs: 10, seed: 0 });
    expect(r.recall.length).toBe(5);
    for (const v of r.recall) expect(v).toBeGreaterThan(0.3);
  });
});
