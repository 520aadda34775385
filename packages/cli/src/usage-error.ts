/**
 * A usage error: the command line itself is wrong (a bad option value, a missing
 * required option, arguments that do not fit together). `runProgram` prints its
 * message on one line and exits with code 2, the code commander's own parse errors get.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
