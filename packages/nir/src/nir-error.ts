import { NeuriteError } from '@neurite/tensor';
import type { NeuriteErrorCode, NeuriteErrorOptions } from '@neurite/tensor';

/** Where in a NIR graph (or file) something is wrong. */
export interface NirErrorLocation {
  /** File path (or a name given to in-memory bytes). */
  file?: string;
  /** Node path inside the graph, nested graphs joined with '/' (e.g. `lif1/lin`). */
  node?: string;
  /** Field (dataset) of the node, e.g. `tau` or `edges`. */
  field?: string;
  /** The edge `[from, to]` involved, if any. */
  edge?: [string, string];
}

/** The location of a NirError plus NeuriteError's `code` and `cause` (`path` defaults to `file`). */
export interface NirErrorOptions extends NirErrorLocation, Omit<NeuriteErrorOptions, 'argument'> {}

/** The `argument` a location names: its field, else its edge as `from -> to`, else ''. */
function argumentOf(w: NirErrorLocation): string {
  if (w.field !== undefined) return w.field;
  if (w.edge !== undefined) return `${w.edge[0]} -> ${w.edge[1]}`;
  return '';
}

/**
 * The typed error of @neurite/nir, a {@link NeuriteError}. Its message names the
 * file, the node, the field (or edge) and what is wrong, e.g.
 * `model.nir: node 'lif1' field 'tau': expected shape [40] like 'r', got [39]`.
 *
 * `code`: `ERR_FORMAT` (a damaged file or document), `ERR_SHAPE` (shapes that
 * do not fit), `ERR_FILE` (a file cannot be read or written; `path` set),
 * `ERR_STATE`, `ERR_UNSUPPORTED`, `ERR_NOT_FINITE`, `ERR_OUT_OF_RANGE`, else
 * `ERR_INVALID_ARGUMENT`. `argument`: the field, or the edge as `from -> to`.
 * `path`: the file.
 *
 * Two constructor forms: `new NirError(argument, reason, options?)` (the form
 * every Neurite error shares, used by `createValidators`; the field is
 * `argument` unless `options` names a field or an edge) and
 * `new NirError(reason, location?)` (the argument taken from the location).
 */
export class NirError extends NeuriteError {
  /** The file the error is about (its path or the name given as `file`), when there is one. */
  readonly file?: string;
  /** The node the error is about, as a path from the top graph (`sub/node`), when there is one. */
  readonly node?: string;
  /** The field of the node (e.g. `tau`, `weight`), when the error is about one. */
  readonly field?: string;
  /** The edge `[from, to]` the error is about, when it is about one. */
  readonly edge?: [string, string];
  /** The bare description, without the location prefix. */
  readonly reason: string;

  constructor(argument: string, reason: string, options?: NirErrorOptions);
  constructor(reason: string, location?: NirErrorOptions);
  constructor(a: string, b?: string | NirErrorOptions, c?: NirErrorOptions) {
    let argument: string;
    let reason: string;
    let o: NirErrorOptions;
    if (typeof b === 'string') {
      argument = a;
      reason = b;
      o = c ?? {};
      if (o.field === undefined && o.edge === undefined && argument !== '') o = { ...o, field: argument };
    } else {
      reason = a;
      o = b ?? {};
      argument = argumentOf(o);
    }
    const where: NirErrorLocation = { file: o.file, node: o.node, field: o.field, edge: o.edge };
    super(formatMessage(reason, where), { code: o.code, argument, path: o.path ?? o.file, cause: o.cause });
    this.name = 'NirError';
    this.reason = reason;
    this.file = where.file;
    this.node = where.node;
    this.field = where.field;
    this.edge = where.edge;
  }

  /**
   * The same error located in `file` (kept if it already names one), with
   * `code` instead of ERR_INVALID_ARGUMENT when given (a reader passes
   * ERR_FORMAT: what is invalid there is the file's content).
   */
  inFile(file: string | undefined, code?: NeuriteErrorCode): NirError {
    const recode = code !== undefined && this.code === 'ERR_INVALID_ARGUMENT';
    if ((this.file !== undefined || file === undefined) && !recode) return this;
    return new NirError(this.reason, {
      file: this.file ?? file,
      node: this.node,
      field: this.field,
      edge: this.edge,
      code: recode ? code : this.code,
      path: this.path ?? this.file ?? file,
      cause: this.cause,
    });
  }
}

function formatMessage(reason: string, w: NirErrorLocation): string {
  const parts: string[] = [];
  if (w.file !== undefined) parts.push(w.file);
  const loc: string[] = [];
  if (w.node !== undefined) loc.push(`node '${w.node === '' ? '/' : w.node}'`);
  if (w.field !== undefined) loc.push(`field '${w.field}'`);
  if (w.edge !== undefined) loc.push(`edge '${w.edge[0]}' -> '${w.edge[1]}'`);
  if (loc.length > 0) parts.push(loc.join(' '));
  parts.push(reason);
  return parts.join(': ');
}
