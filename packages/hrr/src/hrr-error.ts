/**
 * The typed error of @neurite/hrr. Every message names the argument (or the
 * file) that is wrong and what was expected, e.g.
 * `bind: b has length 100, expected a multiple of dim=1024`.
 */
export class HrrError extends Error {
  /** The argument, input or file that is wrong, e.g. `"dim"` or `"/tmp/vocab.hrr"`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.name = 'HrrError';
    this.argument = argument;
  }
}
