import { describe, it, expect } from 'vitest';
import { simulateMerge } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulateMerge', () => {
  it('merge: supports stay bounded (A, B <= 3200, C <= 6400 after 50 rounds)', () => {
    const r = simulateMerge({ n: 100000, k: 317, p: 0.01, beta: 0.05, rounds: 50, seed: 0 });
    expect(r.supportA[r.supportA.length - 1]).toBeLessThanOrEqual(3200);
    expect(r.supportB[r.supportB.length - 1]).toBeLessThanOrEqual(3200);
    expect(r.supportC[r.supportC.length - 1]).toBeLessThanOrEqual(6400);
    // C converged: its last round recruited nobody new
    expect(r.brain.areaInfo('C').numNewWinners).toBe(0);
  });
});
