import { ZerosLike } from '@tensorflow/tfjs-core';
import { withComplexUnary } from './complex-unary.js';

/** ZerosLike on wasm gains complex64: every element 0 + 0i. */
export const zerosLikeKernelName = ZerosLike;
export const zerosLikeComplexWrap = withComplexUnary((_xv, ov) => ov.fill(0));
