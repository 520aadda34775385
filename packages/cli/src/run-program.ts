import { CommanderError, type Command } from 'commander';
import { isJsonMode, setJsonMode } from './json-mode.js';
import { finishProfileSession } from './profile-session.js';
import { UsageError } from './usage-error.js';

/** Exit codes of every `neurite-*` command. */
export const EXIT_OK = 0;
/** The work failed: a bad or unreadable file, a failed check, a runtime error. */
export const EXIT_FAILURE = 1;
/** The command line is wrong: unknown option, missing argument, bad option value. */
export const EXIT_USAGE = 2;

/** The fields of a NeuriteError (@neurite/tensor) that the error line shows; duck-typed so that `--help` loads no tensor code. */
function neuriteCode(e: Error): string | undefined {
  const x = e as Error & { code?: unknown; argument?: unknown };
  return typeof x.code === 'string' && x.code.startsWith('ERR_') && typeof x.argument === 'string' ? x.code : undefined;
}

let pipeGuarded = false;

/**
 * A reader that stops early (`neurite-x … | head`) closes the pipe; the next write to stdout
 * then fails with EPIPE, which Node reports as an unhandled 'error' event. Like Unix tools
 * killed by SIGPIPE, the command then stops quietly: exit status as far as it had got (0 when
 * nothing failed), nothing on stderr. Any other stdout error is rethrown as before.
 */
function exitQuietlyOnClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
  });
}

/** One line: the message's line breaks (commander puts "Did you mean …?" on its own line) become spaces. */
const oneLine = (s: string) =>
  s
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/**
 * Parses `argv` (the user's arguments, default `process.argv.slice(2)`) with a program
 * made by `createProgram`, runs the chosen action, and returns the exit code, also set as
 * `process.exitCode`. It never throws:
 * - 0 when the action returns (and for `--help`, `help <command>`, `--version`);
 * - 2 for a usage error (commander parse errors, a missing command, a `UsageError`, a
 *   rejected `parseInteger` / `parseNumber` / `.choices()` value);
 * - 1 for any other error thrown by the action.
 * On 1 or 2, exactly one line goes to stderr: `<name>: <message>`, with ` [<code>]` appended
 * for a NeuriteError (`ERR_FILE`, `ERR_FORMAT`, …); never a stack trace, except that with
 * the environment variable `NEURITE_DEBUG=1` the stack of an error that is not a
 * NeuriteError or usage error follows, for bug reports.
 *
 * With `--profile [file]` (every program made by `createProgram` has it) the action runs in
 * a profiling session of @neurite/tensor (regions the action marks with `profileRegion`,
 * every tfjs kernel, memory samples); afterwards, even when the action failed, the report
 * goes to `file` as JSON (default `<program>-profile.json`), an SVG timeline beside it
 * (`.svg`), and the table to stderr (not with `--json`). A failure to write it makes a
 * successful run exit 1.
 *
 * When the reader of stdout goes away (`… | head`), the command exits quietly instead of
 * failing with an unhandled EPIPE.
 */
export async function runProgram(program: Command, argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  setJsonMode(false);
  exitQuietlyOnClosedPipe();
  let code: number = EXIT_OK;
  let line: string | undefined;
  let stack: string | undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0)) {
        code = EXIT_OK;
      } else if (e.code === 'commander.help') {
        // no subcommand given: commander would print the whole help on stderr
        const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
        code = EXIT_USAGE;
        line = `missing command: one of ${names.join(', ')} (see ${program.name()} --help)`;
      } else {
        code = EXIT_USAGE;
        line = oneLine(e.message);
      }
    } else if (e instanceof UsageError) {
      code = EXIT_USAGE;
      line = oneLine(e.message);
    } else if (e instanceof Error) {
      code = EXIT_FAILURE;
      const errCode = neuriteCode(e);
      line = (e.message.split('\n')[0] ?? '').trim() || e.name;
      if (errCode !== undefined) line += ` [${errCode}]`;
      else if (process.env.NEURITE_DEBUG === '1') stack = e.stack;
    } else {
      code = EXIT_FAILURE;
      line = String(e);
    }
  }
  try {
    // --profile: the report is written after the action, also when it failed
    await finishProfileSession(isJsonMode());
  } catch (e) {
    if (code === EXIT_OK) {
      code = EXIT_FAILURE;
      line = `--profile: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  } finally {
    setJsonMode(false);
  }
  if (line !== undefined) process.stderr.write(`${program.name()}: ${line}\n`);
  if (stack !== undefined) process.stderr.write(stack + '\n');
  process.exitCode = code;
  return code;
}
