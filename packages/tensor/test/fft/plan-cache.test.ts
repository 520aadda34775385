import { describe, expect, it } from 'vitest';
import { PlanCache, PLAN_CACHE_SIZE } from '../../src/fft/plan-cache.js';
import { realFftPlan } from '../../src/fft/real-fft-plan.js';
import { complexFftPlan } from '../../src/fft/complex-fft-plan.js';

describe('PlanCache (least recently used, bounded)', () => {
  it('returns the cached value and makes each length once while it stays cached', () => {
    const cache = new PlanCache<{ n: number }>(3);
    let made = 0;
    const make = (n: number) => () => {
      made++;
      return { n };
    };
    const a = cache.get(1, make(1));
    expect(cache.get(1, make(1))).toBe(a);
    expect(made).toBe(1);
  });

  it('evicts the least recently used length beyond its capacity', () => {
    const cache = new PlanCache<number>(2);
    cache.get(1, () => 1);
    cache.get(2, () => 2);
    cache.get(1, () => -1); // 1 becomes most recently used
    cache.get(3, () => 3); // evicts 2
    expect(cache.size).toBe(2);
    expect(cache.get(1, () => -1)).toBe(1);
    expect(cache.get(2, () => 22)).toBe(22); // remade: it was evicted
  });

  it('bounds the module caches of realFftPlan and complexFftPlan at PLAN_CACHE_SIZE lengths', () => {
    const first = realFftPlan(3);
    const firstComplex = complexFftPlan(3);
    for (let n = 4; n < 4 + PLAN_CACHE_SIZE; n++) {
      realFftPlan(n);
      complexFftPlan(n);
    }
    // length 3 was the least recently used of PLAN_CACHE_SIZE + 1 lengths: a new plan is made
    expect(realFftPlan(3)).not.toBe(first);
    expect(complexFftPlan(3)).not.toBe(firstComplex);
    // and a recently used one is still the same object
    expect(realFftPlan(4 + PLAN_CACHE_SIZE - 1)).toBe(realFftPlan(4 + PLAN_CACHE_SIZE - 1));
  });
});
