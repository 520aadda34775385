import { describe, it, expect } from 'vitest';
import { simulateReciprocalProjection } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulateReciprocalProjection', () => {
  it('reciprocal projection: B recalls A and A recalls B (far above chance k/n)', () => {
    const r = simulateReciprocalProjection({ n: 100000, k: 317, p: 0.01, beta: 0.1, formRounds: 15, rounds: 15, seed: 0 });
    expect(r.recoveredA).toBeGreaterThan(0.5);
    expect(r.recoveredB).toBeGreaterThan(0.5);
  });
});
