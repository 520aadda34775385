import { describe, it, expect } from 'vitest';
import { roundsToStable } from '../src/index.js';

describe('roundsToStable', () => {
  it('counts the rounds before the first run of 3 rounds without a new winner', () => {
    expect(roundsToStable([317, 40, 12, 0, 3, 0, 0, 0, 0])).toBe(5);
    expect(roundsToStable([317, 0, 0, 0])).toBe(1);
    expect(roundsToStable([317, 5, 0, 0])).toBe(-1); // only two quiet rounds
    expect(roundsToStable([317, 5, 0, 0, 1], 2)).toBe(2);
  });
});
