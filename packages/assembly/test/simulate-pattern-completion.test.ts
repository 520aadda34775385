import { describe, it, expect } from 'vitest';
import { simulatePatternCompletion } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulatePatternCompletion', () => {
  it('pattern completion: half of the assembly recalls >= 300 of 317 neurons', () => {
    const r = simulatePatternCompletion({
      n: 100000,
      k: 317,
      p: 0.05,
      beta: 0.05,
      projectRounds: 25,
      alpha: 0.5,
      completionRounds: 5,
      seed: 0,
    });
    expect(r.recovered[4] * 317).toBeGreaterThanOrEqual(300);
  });

  it('rejects a cue fraction outside (0, 1]', () => {
    expect(() => simulatePatternCompletion({ n: 1000, k: 10, p: 0.1, beta: 0.1, projectRounds: 3, alpha: 0, completionRounds: 2 })).toThrow(
      /alpha must be in \(0, 1\]/,
    );
  });
});
