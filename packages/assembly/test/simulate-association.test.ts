import { describe, it, expect } from 'vitest';
import { simulateAssociation } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulateAssociation', () => {
  it('association: disjoint before (<= 2), joint assembly shares >= 100 with each, >= 20 after', () => {
    const r = simulateAssociation({ n: 100000, k: 317, p: 0.05, beta: 0.1, seed: 0, sampler: 'reference' });
    expect(r.before).toBeLessThanOrEqual(2);
    expect(r.jointWithA).toBeGreaterThanOrEqual(100);
    expect(r.jointWithB).toBeGreaterThanOrEqual(100);
    expect(r.after).toBeGreaterThanOrEqual(20);
  });
});
