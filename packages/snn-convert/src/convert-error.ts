import { NeuriteError, createValidators, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/snn-convert. `argument` names the input that is
 * wrong (a layer name, `T`, `trainData`, a file); `code` is ERR_UNSUPPORTED for
 * a layer the converter cannot map, ERR_FORMAT for a damaged model file,
 * ERR_NOT_FINITE for NaN/∞ weights, ERR_SHAPE for mismatched shapes,
 * ERR_OUT_OF_RANGE / ERR_INVALID_ARGUMENT for bad options, ERR_FILE for IO.
 */
export class ConvertError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'ConvertError';
  }
}

export const { checkInt, checkPositive, checkFinite, checkAllFinite, checkProb } = createValidators(ConvertError);
