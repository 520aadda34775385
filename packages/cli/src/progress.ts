import cliProgress from 'cli-progress';
import { isJsonMode } from './json-mode.js';

/** A progress bar on stderr; every method is a no-op when no bar is drawn. */
export interface Progress {
  /** Advances by `n` (default 1); `step` replaces the text after the bar. */
  tick(n?: number, step?: string): void;
  /** Sets the position to `value`; `step` replaces the text after the bar. */
  update(value: number, step?: string): void;
  /** Ends the bar (and clears it); further calls do nothing. */
  stop(): void;
}

const none: Progress = { tick() {}, update() {}, stop() {} };

/**
 * A progress bar of `total` steps titled `label`, drawn on stderr (cli-progress) only
 * when stderr is a TTY and the command does not run with `--json`; otherwise a no-op,
 * so piped output and JSON documents stay clean.
 */
export function progress(total: number, label: string): Progress {
  if (!process.stderr.isTTY || isJsonMode()) return none;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {value}/{total} {step}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 1,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { step: '' });
  let stopped = false;
  return {
    tick(n = 1, step) {
      if (!stopped) bar.increment(n, step === undefined ? {} : { step });
    },
    update(value, step) {
      if (!stopped) bar.update(value, step === undefined ? {} : { step });
    },
    stop() {
      if (!stopped) {
        stopped = true;
        bar.stop();
      }
    },
  };
}
