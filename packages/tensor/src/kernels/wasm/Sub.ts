import { Sub } from '@tensorflow/tfjs-core';
import { withComplexBinary } from './complex-binary.js';

/** Sub on wasm gains complex64 inputs: (a - b) per part, broadcasting. */
export const subKernelName = Sub;
export const subComplexWrap = withComplexBinary((ar, ai, br, bi, o) => {
  o[0] = ar - br;
  o[1] = ai - bi;
});
