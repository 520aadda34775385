import { describe, it, expect } from 'vitest';
import { Brain } from '../src/index.js';
import { areaBytes, formatBytes } from '../src/memory-budget.js';

describe('memory budget', () => {
  it('the estimate of an explicit area bounds what the brain then holds (within 2×)', () => {
    for (const [n, p] of [
      [2000, 0.01],
      [3000, 0.05],
      [500, 0.2],
    ] as const) {
      const b = new Brain(p, 1).addStimulus('s', 100).addArea('L', 100000, 100, 0.1);
      b.project({ s: ['L'] }, {});
      b.project({ s: ['L'] }, { L: ['L'] });
      const wL = b.support('L');
      const held = b.memory().bytes;
      const estimate = areaBytes(n, 1, [
        { rows: n, cols: wL, p },
        { rows: wL, cols: n, p },
        { rows: n, cols: n, p },
      ]);
      b.addExplicitArea('E', n, 50, 0.1);
      const grew = b.memory().bytes - held;
      // the estimate also counts randomCSR's transient arrays and the round buffers, which memory() does not
      expect(grew, `n=${n} p=${p}`).toBeLessThanOrEqual(estimate);
      expect(grew, `n=${n} p=${p}`).toBeGreaterThan(estimate / 2);
    }
  });

  it('formats bytes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2 ** 31)).toBe('2.00 GiB');
    expect(formatBytes(1.5 * 2 ** 20)).toBe('1.50 MiB');
  });
});
