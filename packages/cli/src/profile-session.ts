import type { Command } from 'commander';
import type { Profiling } from '@neurite/tensor';
import { UsageError } from './usage-error.js';

/** The `--profile` run in progress: started before the action, finished by `runProgram`. */
interface PendingProfile {
  file: string;
  command: string;
  profiling: Profiling;
}
let pending: PendingProfile | null = null;

/**
 * The file `--profile [file]` names: `<program>-profile.json` in the working directory for a
 * bare `--profile`, else the given path, which must end in `.json` (so that a bare `--profile`
 * written before an argument, which commander takes as its value, cannot overwrite an input).
 */
export function profileFile(programName: string, value: string | boolean | undefined): string | null {
  if (value === undefined || value === false) return null;
  if (value === true) return `${programName}-profile.json`;
  if (!value.endsWith('.json')) {
    throw new UsageError(
      `--profile: the profile file must end in .json, got '${value}' (a bare --profile before an argument takes it as the file: write --profile=out.json or put --profile last)`,
    );
  }
  return value;
}

/**
 * preAction hook of `createProgram`: with `--profile`, start a profiling session
 * (@neurite/tensor, loaded only then) around the action. The action may mark its own
 * steps with `profileRegion` from @neurite/tensor (free when no session runs).
 */
export async function startProfileSession(program: Command, action: Command): Promise<void> {
  const file = profileFile(program.name(), action.optsWithGlobals().profile as string | boolean | undefined);
  if (file === null || pending !== null) return;
  const { startProfiling } = await import('@neurite/tensor');
  pending = { file, command: action.name(), profiling: startProfiling() };
}

/** True while a `--profile` session runs. */
export function profileSessionActive(): boolean {
  return pending !== null;
}

/**
 * Called by `runProgram` after the action (also when it failed): stop the session and
 * write the report as JSON to the file, the SVG timeline beside it (`.svg` for `.json`),
 * and, unless `--json`, the table on stderr. Returns the paths written, or null when no
 * session ran.
 */
export async function finishProfileSession(json: boolean): Promise<{ json: string; svg: string } | null> {
  const p = pending;
  if (p === null) return null;
  pending = null;
  const report = await p.profiling.stop();
  const [{ writeFileAtomic }, { formatProfileTable }, { profileTimelineSvg }] = await Promise.all([
    import('@neurite/tensor/node'),
    import('@neurite/tensor'),
    import('./profile-timeline-svg.js'),
  ]);
  const svgFile = p.file.replace(/\.json$/, '.svg');
  await writeFileAtomic(p.file, JSON.stringify({ command: p.command, ...report }, null, 1) + '\n');
  await writeFileAtomic(svgFile, await profileTimelineSvg(report, { title: `${p.command}: profile` }));
  if (!json) process.stderr.write(`${formatProfileTable(report)}\nprofile written to ${p.file} and ${svgFile}\n`);
  return { json: p.file, svg: svgFile };
}
