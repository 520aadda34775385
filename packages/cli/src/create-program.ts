import { Command } from 'commander';
import { setJsonMode } from './json-mode.js';
import { startProfileSession } from './profile-session.js';

/** What a `neurite-*` command says about itself in `--help` and `--version`. */
export interface ProgramInfo {
  /** The command's name as typed, e.g. `neurite-nir`; also the prefix of its error lines. */
  name: string;
  /** The version `--version` prints (usually {@link packageVersion} of the command's package). */
  version: string;
  /** One sentence `--help` prints under the usage line. */
  description: string;
}

/**
 * A commander `Command` set up the way every `neurite-*` command works: `--help` on it and
 * on every subcommand added with `.command()`, `--version`, a program-wide `--json`
 * (accepted before or after the subcommand and listed in each subcommand's help), too many
 * arguments rejected, a program-wide `--profile [file]` (a profile of the action: see
 * `runProgram`), and parse errors left to `runProgram` (which prints one line and
 * exits 2) instead of commander printing them.
 */
export function createProgram(info: ProgramInfo): Command {
  const program = new Command(info.name)
    .description(info.description)
    .version(info.version, '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'print this help')
    .option('--json', 'print exactly one JSON document on stdout (no table, no progress bar)')
    .option(
      '--profile [file]',
      'profile the command (time per region and tfjs kernel, memory): JSON to file (default <program>-profile.json), an SVG timeline beside it',
    )
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .allowExcessArguments(false)
    .showSuggestionAfterError(true);
  program.helpCommand('help [command]', 'print the help of a command');
  program.hook('preAction', async (_program, action) => {
    setJsonMode(action.optsWithGlobals().json === true);
    await startProfileSession(program, action);
  });
  return program;
}
