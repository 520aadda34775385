/**
 * Where a long run's monitors go instead of memory. With `SimulatorOptions.sink` the simulator
 * hands the recorded spikes and state samples to the sink every `flushEvery` steps and at the
 * end of every `run` call, then forgets them, so a run of any length holds at most one chunk.
 * `createMonitorFiles` (`@neurite/brain4d/node`) is a sink that appends them to files.
 */
export interface MonitorSink {
  /** Spikes of one chunk, in recording order: the step of each and its lattice id. */
  spikes(steps: Int32Array, ids: Int32Array): void;
  /** Samples of state monitor `monitor` (index in `monitors.state`): their steps and the values, `neurons` per sample, row by row. */
  state(monitor: number, steps: Int32Array, values: Float64Array): void;
}
