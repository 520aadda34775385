/**
 * @internal Argument checks shared by the generator (rng/xoshiro128.ts),
 * randomTensor, the FFT plans and the sparse constructors and kernels: the shared validators
 * bound to TensorError.
 */
import { TensorError } from './tensor-error.js';
import { createValidators } from './validators.js';

export const { checkFinite, checkInt, checkProb, checkPositive, checkAllFinite } = createValidators(TensorError);
