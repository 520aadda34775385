import { Identity } from '@tensorflow/tfjs-core';
import { withComplexUnary } from './complex-unary.js';

/** Identity on wasm gains complex64 (a copy of the interleaved pairs). */
export const identityKernelName = Identity;
export const identityComplexWrap = withComplexUnary((xv, ov) => ov.set(xv));
