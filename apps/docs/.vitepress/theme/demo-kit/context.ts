// What a demo's `run` function receives from DemoShell, and what the shell records about a run.
import type { BackendName, TensorModule } from './backend.js';

export interface Timing {
  /** Steps timed by `ctx.time`. */
  steps: number;
  /** Wall-clock milliseconds of those steps (performance.now), including the final read-back. */
  ms: number;
}

export interface DemoContext {
  /** The backend this run uses (already selected with setBackend). */
  backend: BackendName;
  /** @neurite/tensor, loaded on demand. */
  tensor: TensorModule;
  /** tfjs, as @neurite/tensor exports it. */
  tf: TensorModule['tf'];
  /**
   * Times `fn`, which runs `steps` steps of the model, and reports the time per step beside the
   * backend switcher. Read results back (`await t.data()`) inside `fn` so GPU work is counted.
   * Several calls add up.
   */
  time<T>(steps: number, fn: () => Promise<T> | T): Promise<T>;
  /** A line of progress shown under the switcher while the run lasts. */
  progress(message: string): void;
}

/** A demo's computation: returns its result, a JSON-serialisable value the browser test reads. */
export type DemoRun = (ctx: DemoContext) => Promise<unknown>;
