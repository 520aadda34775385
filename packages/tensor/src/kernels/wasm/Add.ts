import { Add } from '@tensorflow/tfjs-core';
import { withComplexBinary } from './complex-binary.js';

/** Add on wasm gains complex64 inputs: (a + b) per part, broadcasting. */
export const addKernelName = Add;
export const addComplexWrap = withComplexBinary((ar, ai, br, bi, o) => {
  o[0] = ar + br;
  o[1] = ai + bi;
});
