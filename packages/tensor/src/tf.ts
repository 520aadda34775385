/**
 * The one tfjs copy every Neurite package uses. Import `tf` from
 * `@neurite/tensor`, never from `@tensorflow/tfjs-core` directly.
 */
import * as tf from '@tensorflow/tfjs-core';
export { tf };
export type { Tensor, Tensor1D, Tensor2D, Tensor3D, Tensor4D, Rank, DataType, TensorLike } from '@tensorflow/tfjs-core';
