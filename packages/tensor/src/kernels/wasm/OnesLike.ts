import { OnesLike } from '@tensorflow/tfjs-core';
import { withComplexUnary } from './complex-unary.js';

/** OnesLike on wasm gains complex64: every element 1 + 0i (as on cpu). */
export const onesLikeKernelName = OnesLike;
export const onesLikeComplexWrap = withComplexUnary((_xv, ov) => {
  for (let i = 0; i < ov.length; i += 2) {
    ov[i] = 1;
    ov[i + 1] = 0;
  }
});
