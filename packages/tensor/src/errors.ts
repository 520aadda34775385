/**
 * The typed error of @neurite/tensor. Every message names the argument that is
 * wrong and what was expected, e.g. `topK: k must be an integer in [0, n=10], got 11`.
 */
export class TensorError extends Error {
  /** The argument (or input) that is wrong, e.g. `"k"` or `"backend"`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.name = 'TensorError';
    this.argument = argument;
  }
}
