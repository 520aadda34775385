import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/datasets: `ERR_FILE` when a data package cannot be
 * loaded (the cause is kept), `ERR_FORMAT` when its contents are not what the
 * loader expects; `argument` names the data set or field.
 */
export class DatasetError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'DatasetError';
  }
}
