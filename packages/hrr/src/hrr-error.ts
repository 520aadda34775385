import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor';

/**
 * The typed error of @neurite/hrr, a `NeuriteError` (from @neurite/tensor) with a
 * machine-readable `code`. Every message names the argument (or the file) that is wrong and
 * what was expected, e.g. `bind: b has length 100, expected a positive multiple of dim=1024`.
 *
 * Codes used by this package: `ERR_INVALID_ARGUMENT` (wrong type or impossible value),
 * `ERR_OUT_OF_RANGE` (a count, dimension or index outside its range), `ERR_NOT_FINITE`,
 * `ERR_SHAPE` (lengths or batches that do not fit together), `ERR_FORMAT` (damaged vocabulary
 * bytes), `ERR_FILE` (a vocabulary file that cannot be read or written; `path` is set),
 * `ERR_STATE` (e.g. `Vocabulary.create` finding no candidate within its bound),
 * `ERR_BACKEND` (a tfjs backend that cannot run a tensor operation).
 */
export class HrrError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'HrrError';
  }
}
