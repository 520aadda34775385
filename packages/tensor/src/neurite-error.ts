/**
 * Machine-readable error codes shared by every Neurite package. Programs branch
 * on `code`; people read `message`.
 *
 * | code | meaning |
 * | --- | --- |
 * | `ERR_INVALID_ARGUMENT` | an argument has the wrong type or an impossible value |
 * | `ERR_OUT_OF_RANGE` | a number is outside its allowed range (size, index, probability) |
 * | `ERR_NOT_FINITE` | a number is NaN or ±Infinity where a finite one is needed |
 * | `ERR_SHAPE` | array or tensor shapes do not fit together |
 * | `ERR_BACKEND` | a tfjs backend is missing or cannot start here |
 * | `ERR_FILE` | a file cannot be read or written (the cause is kept in `cause`) |
 * | `ERR_FORMAT` | a file or byte stream is damaged or not in the expected format |
 * | `ERR_MEMORY` | the request needs more memory than the budget allows |
 * | `ERR_STATE` | the call does not fit the object's current state |
 * | `ERR_UNSUPPORTED` | valid input that this version does not handle |
 */
export type NeuriteErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_OUT_OF_RANGE'
  | 'ERR_NOT_FINITE'
  | 'ERR_SHAPE'
  | 'ERR_BACKEND'
  | 'ERR_FILE'
  | 'ERR_FORMAT'
  | 'ERR_MEMORY'
  | 'ERR_STATE'
  | 'ERR_UNSUPPORTED';

/** Details of a NeuriteError besides its message. */
export interface NeuriteErrorOptions {
  /** Machine-readable kind of failure (default `ERR_INVALID_ARGUMENT`). */
  code?: NeuriteErrorCode;
  /** The argument, input or field that is wrong, e.g. `"k"` or `"weights[3]"`. */
  argument?: string;
  /** The file the error is about, when there is one. */
  path?: string;
  /** The underlying error (kept so its message and stack are not lost). */
  cause?: unknown;
}

/**
 * The base class of every error a Neurite package throws on purpose
 * (`TensorError`, `NirError`, `HrrError`, `AssemblyError`, …). The message names
 * the input and what is wrong with it; `code`, `argument` and `path` say the
 * same for programs:
 *
 * ```js
 * try { topK(values, 11) } catch (e) {
 *   if (e instanceof NeuriteError && e.code === 'ERR_OUT_OF_RANGE') console.log(e.argument); // "k"
 * }
 * ```
 */
export class NeuriteError extends Error {
  // Subclasses set `name` in their constructor (a literal, so minifiers cannot rename it).
  /** Machine-readable kind of failure. */
  readonly code: NeuriteErrorCode;
  /** The argument, input or field that is wrong ('' when the error is not about one). */
  readonly argument: string;
  /** The file the error is about, if any. */
  readonly path?: string;

  constructor(message: string, options: NeuriteErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NeuriteError';
    this.code = options.code ?? 'ERR_INVALID_ARGUMENT';
    this.argument = options.argument ?? '';
    if (options.path !== undefined) this.path = options.path;
  }
}

/**
 * The constructor shape that package errors share, `new XError(argument, message, options)`,
 * so that shared helpers (`createValidators`, `toRng`) can throw each package's own class.
 */
export type NeuriteErrorClass = new (argument: string, message: string, options?: NeuriteErrorOptions) => NeuriteError;
