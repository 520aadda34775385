import { describe, expect, it } from 'vitest';
import { realFftPlan } from '@neurite/tensor';
import {
  approxInverse, bind, bindNormalize, bindPower, bundle, dot, exactInverse, HrrError, inversePermutation,
  makeUnitary, permute, randomPermutation, randomVectors,
} from '../src/index.js';
import { directConvolution, maxAbsDiff } from './helpers.js';


describe('approxInverse', () => {
  it('is the involution a[−i mod D]', () => {
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4])))).toEqual([1, 4, 3, 2]);
    expect(Array.from(approxInverse(new Float32Array([1, 2, 3, 4, 5, 6]), { dim: 3 }))).toEqual([1, 3, 2, 4, 6, 5]);
  });
});
