import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor';

/**
 * The one error type of @neurite/assembly. Its message names the offending
 * argument, area or stimulus and what is wrong with it; `argument` names the
 * argument for programs and `code` says what kind of failure it is
 * (`ERR_OUT_OF_RANGE`, `ERR_NOT_FINITE`, `ERR_MEMORY`, `ERR_STATE`, …; see
 * NeuriteError in @neurite/tensor).
 */
export class AssemblyError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'AssemblyError';
  }
}
