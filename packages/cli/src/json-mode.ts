/** Whether the command being run was given `--json` (set by `runProgram` before the action runs). */
let jsonMode = false;

/**
 * True while a command runs with `--json`: the command then prints exactly one JSON
 * document on stdout (`printJson`) and nothing else; `progress` draws nothing.
 */
export function isJsonMode(): boolean {
  return jsonMode;
}

/** Set by `runProgram` (and reset when it starts); not part of the public API. */
export function setJsonMode(on: boolean): void {
  jsonMode = on;
}
