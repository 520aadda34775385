/**
 * Prints `doc` on stdout as one JSON document (2-space indented, one trailing newline).
 * A `--json` command calls this exactly once, with everything it has to say.
 */
export function printJson(doc: unknown): void {
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}
