/**
 * The report a profiling session ({@link startProfiling} / {@link profile})
 * produces: plain JSON (numbers, strings, arrays), so it can be written to a
 * file, attached to a benchmark result, or turned into a table
 * (`formatProfileTable`) or an SVG timeline (`@neurite/cli`'s `profileTimelineSvg`).
 * Times are milliseconds; `t` / `start` are milliseconds since the session began.
 */
export interface ProfileReport {
  /** Format version of this document. */
  version: 1;
  /** ISO 8601 time the session began. */
  startedAt: string;
  /** The tfjs backend active when the session ended ('' when none was set). */
  backend: string;
  /** Wall time of the whole session, ms. */
  wallMs: number;
  /** Process CPU time (user + system, every thread) of the whole session, ms; null where unavailable (browsers). */
  cpuMs: number | null;
  /** Every region in the order it began (`profileRegion`), at most `maxRegions` (then `droppedRegions` counts the rest). */
  regions: ProfileRegion[];
  /** Regions beyond `maxRegions`, counted in the totals but not listed. */
  droppedRegions: number;
  /** Regions aggregated by name, sorted by total wall time, descending. */
  regionTotals: ProfileTotal[];
  /** tfjs kernels aggregated by name, sorted by total wall time, descending. */
  kernels: ProfileKernel[];
  /** Tensor memory of the tfjs engine and JS memory of the process. */
  memory: ProfileMemory;
  /** Memory samples over time: every `intervalMs` (tensors and process memory) and at each region boundary (tensors only). */
  samples: ProfileSample[];
  /** The sampling interval asked for, ms. */
  intervalMs: number;
}

/** One region: a named stretch of work marked with `profileRegion(name, fn)`. */
export interface ProfileRegion {
  /** The name given to `profileRegion`. */
  name: string;
  /** Start, ms since the session began. */
  start: number;
  /** Wall time, ms. */
  wallMs: number;
  /** Process CPU time during the region, ms (null where unavailable). Concurrent work of other regions is included. */
  cpuMs: number | null;
  /** Regions open when this one began (0 = outermost). */
  depth: number;
  /** Tensor bytes held by the engine at the end minus at the start. */
  tensorBytesDelta: number;
}

/** Regions of one name, summed. */
export interface ProfileTotal {
  /** Region name. */
  name: string;
  /** Regions of that name that ended during the session. */
  calls: number;
  /** Their wall time, summed, ms (nested regions count in their parents too). */
  wallMs: number;
  /** Their process CPU time, summed, ms (null where unavailable). */
  cpuMs: number | null;
}

/** One tfjs kernel name, summed over its calls. */
export interface ProfileKernel {
  /** tfjs kernel name (e.g. BatchMatMul), or the scope name of a custom-gradient op. */
  name: string;
  /** Calls during the session. */
  calls: number;
  /**
   * Wall time of the kernel function on the JS thread, ms: the whole computation on
   * cpu and wasm, the time to record and dispatch the GPU work on webgl and webgpu.
   * A kernel run by another kernel is counted in both.
   */
  wallMs: number;
  /** Process CPU time during the kernel calls, ms (null unless `kernelCpu` was asked for, and in browsers). */
  cpuMs: number | null;
  /** GPU time from the backend's timer queries, ms; null unless `gpuTimer` was asked for and the backend has a timer. */
  gpuMs: number | null;
  /** Tensor bytes the calls added to the engine in total (outputs not yet disposed at the time). */
  bytesAdded: number;
}

/** Memory figures of the session. */
export interface ProfileMemory {
  /** Tensor bytes and count held by the tfjs engine when the session began / ended. */
  startBytes: number;
  /** Tensor bytes held when the session ended. */
  endBytes: number;
  /** Tensors held when the session began. */
  startTensors: number;
  /** Tensors held when the session ended. */
  endTensors: number;
  /** Largest tensor bytes / count seen (checked after every kernel and at every sample). */
  peakBytes: number;
  /** Largest tensor count seen. */
  peakTensors: number;
  /** Largest JS heap used and ArrayBuffer bytes sampled (Node's process.memoryUsage; null in browsers). */
  peakHeapUsed: number | null;
  /** Largest ArrayBuffer bytes sampled (null in browsers). */
  peakArrayBuffers: number | null;
}

/** One memory sample. */
export interface ProfileSample {
  /** ms since the session began. */
  t: number;
  /** Tensor bytes / count held by the tfjs engine. */
  tensorBytes: number;
  /** Tensors held by the tfjs engine. */
  tensors: number;
  /**
   * V8 heap used and ArrayBuffer bytes (Node's `process.memoryUsage()`): read by the samples taken every
   * `intervalMs` and at the start and end of the session; null in samples taken at region boundaries (which
   * read only the tensor counters, to keep regions cheap) and in browsers.
   */
  heapUsed: number | null;
  /** ArrayBuffer bytes, as heapUsed (null at region boundaries and in browsers). */
  arrayBuffers: number | null;
}
