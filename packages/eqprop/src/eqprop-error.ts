import { NeuriteError, createValidators, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/eqprop: bad shapes (`ERR_SHAPE`), labels out of
 * range (`ERR_OUT_OF_RANGE`), NaN inputs (`ERR_NOT_FINITE`), β = 0 or negative
 * steps (`ERR_OUT_OF_RANGE`), a relaxation whose residual grows or becomes
 * non-finite (`ERR_STATE`, argument `'relaxation'`); `argument` names the input.
 */
export class EqPropError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'EqPropError';
  }
}

export const { checkFinite, checkInt, checkPositive, checkAllFinite, checkProb } = createValidators(EqPropError);
