import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/brain4d. `argument` is the key path of the bad
 * entry in the network description (`populations.exc.params.tau_m`,
 * `projections[2].rule.p`), or the argument name of an API call.
 */
export class Brain4dError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'Brain4dError';
  }
}
