import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/plot. `argument` names the input that is wrong
 * (`"series[1].y"`, `"opts.width"`), `code` says how (`ERR_SHAPE` for lengths
 * that do not match, `ERR_NOT_FINITE` for NaN/±Infinity, `ERR_OUT_OF_RANGE` for
 * e.g. a non-positive value on a log axis).
 */
export class PlotError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'PlotError';
  }
}
