import { describe, expect, it } from 'vitest';
import { bundle } from '../src/index.js';


describe('bundle', () => {
  it('bundle is the weighted sum, optionally normalised', () => {
    const v = new Float32Array([1, 0, 0, 1, 2, 2]);
    expect(Array.from(bundle(v, 2))).toEqual([3, 3]);
    expect(Array.from(bundle(v, 2, { weights: [1, 2, -1] }))).toEqual([-1, 0]);
    const n = bundle([[3, 0], [0, 4]], 2, { normalize: true });
    expect(n[0]).toBeCloseTo(0.6, 6); expect(n[1]).toBeCloseTo(0.8, 6);
  });
});
