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

/**
 * The typed error of @neurite/nir. Its message names the file, the node, the
 * field (or edge) and what is wrong, e.g.
 * `model.nir: node 'lif1' field 'tau': expected shape [40] like 'r', got [39]`.
 */
export class NirError extends Error {
  readonly file?: string;
  readonly node?: string;
  readonly field?: string;
  readonly edge?: [string, string];
  /** The bare description, without the location prefix. */
  readonly reason: string;

  constructor(reason: string, where: NirErrorLocation = {}) {
    super(formatMessage(reason, where));
    this.name = 'NirError';
    this.reason = reason;
    this.file = where.file;
    this.node = where.node;
    this.field = where.field;
    this.edge = where.edge;
  }

  /** The same error located in `file` (kept if it already names one). */
  inFile(file: string): NirError {
    if (this.file !== undefined) return this;
    return new NirError(this.reason, { file, node: this.node, field: this.field, edge: this.edge });
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
