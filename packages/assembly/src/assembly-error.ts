/**
 * The one error type of @neurite/assembly. Its message names the offending
 * argument, area or stimulus and what is wrong with it.
 */
export class AssemblyError extends Error {
  override readonly name = 'AssemblyError';
  constructor(message: string) {
    super(message);
  }
}
