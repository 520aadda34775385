import { Neg } from '@tensorflow/tfjs-core';
import { withComplexUnary } from './complex-unary.js';

/** Neg on wasm gains complex64: -(re + i im). */
export const negKernelName = Neg;
export const negComplexWrap = withComplexUnary((xv, ov) => {
  for (let i = 0; i < ov.length; i++) ov[i] = -xv[i];
});
