import { NeuriteError, type NeuriteErrorOptions } from './neurite-error.js';

/**
 * The typed error of @neurite/tensor. Every message names the argument that is
 * wrong and what was expected, e.g. `topK: k must be an integer in [0, n=10], got 11`.
 */
export class TensorError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'TensorError';
  }
}
