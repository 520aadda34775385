import { describe, it, expect } from 'vitest';
import { projectStimulus, Brain } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('projectStimulus', () => {
  it('projects a stimulus until the support stops growing (n = 1e4, k = 100, p = 0.05, β = 0.1, 20 rounds)', () => {
    const b = new Brain(0.05, 1).addStimulus('s', 100).addArea('A', 10000, 100, 0.1);
    const sup = projectStimulus(b, 's', 'A', 20);
    expect(sup[0]).toBe(100);
    expect(sup[19]).toBe(sup[18]);
  });
});
