import { describe, it, expect } from 'vitest';
import { simulateSequence } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulateSequence', () => {
  it('sequence memorisation: the recalled states follow the trained sequence', () => {
    const r = simulateSequence({ n: 100000, k: 317, p: 0.01, beta: 0.1, length: 5, epochs: 10, seed: 0 });
    expect(r.recall.length).toBe(5);
    for (const v of r.recall) expect(v).toBeGreaterThan(0.3);
  });
});
