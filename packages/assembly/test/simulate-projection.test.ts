import { describe, it, expect } from 'vitest';
import { simulateProjection, AssemblyError } from '../src/index.js';

// Thresholds from the reference simulations_test.py of brain.py (github.com/dmitropolsky/assemblies); chance overlap of two random k-sets of n is k²/n.
describe('simulateProjection', () => {
  it('projection converges (n = 1e6, k = 1000, p = 1e-3, β = 0.05, 25 rounds: last two supports equal)', () => {
    const r = simulateProjection({ n: 1_000_000, k: 1000, p: 0.001, beta: 0.05, rounds: 25, seed: 0 });
    expect(r.support[24]).toBe(r.support[23]);
  });

  it('rejects bad options with AssemblyError naming them', () => {
    const o = { n: 1000, k: 10, p: 0.1, beta: 0.1, rounds: 5 };
    expect(() => simulateProjection({ ...o, rounds: NaN })).toThrow(/simulateProjection: rounds must be an integer/);
    expect(() => simulateProjection({ ...o, k: 2000 })).toThrow(/simulateProjection: k must be an integer in \[1, 1000\]/);
    expect(() => simulateProjection({ ...o, p: 2 })).toThrow(AssemblyError);
    expect(() => simulateProjection(null as never)).toThrow(/options must be an object/);
  });
});
