import { Multiply } from '@tensorflow/tfjs-core';
import { withComplexBinary } from './complex-binary.js';

/** Multiply on wasm gains complex64 inputs: (ar br - ai bi) + i (ar bi + ai br), broadcasting. */
export const multiplyKernelName = Multiply;
export const multiplyComplexWrap = withComplexBinary((ar, ai, br, bi, o) => {
  o[0] = ar * br - ai * bi;
  o[1] = ar * bi + ai * br;
});
