import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from './tensor-error.js';
import type { ProfileKernel, ProfileRegion, ProfileReport, ProfileSample } from './profile-report.js';

/** Options of {@link startProfiling} and {@link profile}. */
export interface ProfilingOptions {
  /** Memory sampling interval, ms (default 50; ≥ 1). Samples are also taken at every region boundary. */
  intervalMs?: number;
  /** Record each tfjs kernel call (name, wall time, bytes). Default true. */
  kernels?: boolean;
  /**
   * Also measure the process CPU time of each kernel call (`process.cpuUsage()` twice a call, ~1 µs:
   * noticeable for runs of many small kernels). Default false; regions always have CPU time.
   */
  kernelCpu?: boolean;
  /**
   * Also ask the backend's GPU timer for each kernel (webgpu timestamp queries, webgl
   * disjoint timer queries; read asynchronously). Default false: the queries change how
   * the GPU backends batch work. Ignored where the backend has no timer.
   */
  gpuTimer?: boolean;
  /** Keep at most this many individual regions (totals always count all). Default 100 000. */
  maxRegions?: number;
}

/** A running profiling session. */
export interface Profiling {
  /** Stop sampling and recording; resolves to the report (after pending GPU timer reads). */
  stop(): Promise<ProfileReport>;
}

/** The subset of tfjs-core's engine internals the profiler hooks into (tfjs 4.22). */
interface EngineInternals {
  state: { numBytes: number; numTensors: number; activeScope: { name: string } | null };
  backendName: string | null;
  /** The active backend (a getter that starts one when none is set: read only inside a kernel call). */
  backend: BackendTimer;
  /** Runs one kernel (or custom-gradient op) with the engine's bookkeeping; every op goes through it. */
  runKernelFunc(params: KernelParams): unknown;
}
interface KernelParams {
  kernelName?: string;
}
interface BackendTimer {
  timerAvailable(): boolean;
  time(f: () => void): Promise<{ kernelMs: number | { error: string } }>;
}

interface KernelAcc {
  calls: number;
  wallMs: number;
  cpuMs: number;
  gpuMs: number;
  gpuPending: Array<Promise<number | { error: string }>>;
  bytesAdded: number;
}
interface TotalAcc {
  calls: number;
  wallMs: number;
  cpuMs: number;
}

type CpuUsage = (prev?: { user: number; system: number }) => { user: number; system: number };
type MemoryUsage = () => { heapUsed: number; arrayBuffers: number };

const proc = (globalThis as { process?: { cpuUsage?: CpuUsage; memoryUsage?: MemoryUsage } }).process;
/** Process CPU time in ms (user + system), or null outside Node. */
const cpuNow: (() => number) | null =
  typeof proc?.cpuUsage === 'function'
    ? () => {
        const u = proc.cpuUsage!();
        return (u.user + u.system) / 1000;
      }
    : null;
const memNow: MemoryUsage | null = typeof proc?.memoryUsage === 'function' ? () => proc.memoryUsage!() : null;

/** The one active session (profiling is process-wide: tfjs has one engine). */
let active: Session | null = null;

/**
 * Start a profiling session: until `stop()`, record the wall and CPU time of every
 * region marked with {@link profileRegion} and of every tfjs kernel call, the tfjs
 * engine's tensor bytes and count (after every kernel: an exact peak), and, every
 * `intervalMs`, the JS heap and ArrayBuffer bytes. Only one session runs at a time.
 *
 * How kernels are seen: every op reaches the backend through the tfjs engine's
 * `runKernelFunc`; the session puts a wrapper of it on the engine object (it survives
 * `setBackend`, which keeps the engine) that times the call with `performance.now()` (and
 * `process.cpuUsage()` with `kernelCpu`), and removes it when it stops. The engine's own
 * profiling mode (`tf.profile`, which reads every output synchronously on webgl without a
 * timer extension and keeps a record per kernel) is not used: this never reads a tensor.
 * Costs while on (Node 22, measured by the `assembly` bench's profiling-overhead case): a
 * fraction of a microsecond a kernel call (two clock reads; `kernelCpu` adds ≈ 3 µs), ≈ 2 µs
 * a region (two CPU-time reads; the process memory, ≈ 11 µs a read, is read only every
 * `intervalMs`). While no session runs, `profileRegion` is a direct call of `fn` and the
 * engine is untouched.
 * @throws TensorError (ERR_STATE) when a session is already running;
 *   (ERR_OUT_OF_RANGE) for a bad option.
 */
export function startProfiling(opts: ProfilingOptions = {}): Profiling {
  if (active !== null)
    throw new TensorError('startProfiling', 'startProfiling: a profiling session is already running', { code: 'ERR_STATE' });
  const intervalMs = opts.intervalMs ?? 50;
  if (typeof intervalMs !== 'number' || !(intervalMs >= 1) || !Number.isFinite(intervalMs)) {
    throw new TensorError('intervalMs', `startProfiling: intervalMs must be a finite number >= 1, got ${String(intervalMs)}`, {
      code: 'ERR_OUT_OF_RANGE',
    });
  }
  const maxRegions = opts.maxRegions ?? 100_000;
  if (!Number.isInteger(maxRegions) || maxRegions < 0) {
    throw new TensorError('maxRegions', `startProfiling: maxRegions must be an integer >= 0, got ${String(maxRegions)}`, {
      code: 'ERR_OUT_OF_RANGE',
    });
  }
  const session = new Session(
    intervalMs,
    opts.kernels !== false,
    opts.gpuTimer === true,
    maxRegions,
    opts.kernelCpu === true && cpuNow !== null,
  );
  active = session;
  session.begin();
  return { stop: () => session.stop() };
}

/**
 * Profile one call: `startProfiling(opts)`, `await fn()`, stop. Resolves to fn's
 * result and the report; the session stops (and the error propagates) if fn throws.
 * @throws TensorError (ERR_STATE) when a session is already running.
 */
export async function profile<T>(fn: () => T | Promise<T>, opts: ProfilingOptions = {}): Promise<{ result: T; report: ProfileReport }> {
  const p = startProfiling(opts);
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await p.stop();
    throw e;
  }
  return { result, report: await p.stop() };
}

/** True while a profiling session runs. */
export function isProfiling(): boolean {
  return active !== null;
}

/**
 * Run `fn` as the region `name` of the running profiling session (wall and CPU time,
 * tensor bytes before and after, nesting depth); a promise is awaited before the
 * region ends. Without a session this is `fn()` itself: library code may mark its
 * steps at no cost.
 */
export function profileRegion<T>(name: string, fn: () => T): T {
  const s = active;
  if (s === null) return fn();
  const token = s.open(name);
  let r: T;
  try {
    r = fn();
  } catch (e) {
    s.close(token);
    throw e;
  }
  if (r instanceof Promise) {
    return r.then(
      (v: unknown) => {
        s.close(token);
        return v;
      },
      (e: unknown) => {
        s.close(token);
        throw e;
      },
    ) as T;
  }
  s.close(token);
  return r;
}

interface OpenRegion {
  name: string;
  start: number;
  cpu: number;
  bytes: number;
  depth: number;
}

class Session {
  private readonly t0 = performance.now();
  private readonly cpu0 = cpuNow?.() ?? 0;
  private readonly startedAt = new Date().toISOString();
  private readonly regions: ProfileRegion[] = [];
  private dropped = 0;
  private readonly totals = new Map<string, TotalAcc>();
  private readonly kernelAcc = new Map<string, KernelAcc>();
  private readonly samples: ProfileSample[] = [];
  private openCount = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private patched: EngineInternals | null = null;
  private readonly startBytes: number;
  private readonly startTensors: number;
  peakBytes: number;
  peakTensors: number;
  private peakHeap: number | null = null;
  private peakArrayBuffers: number | null = null;
  private stopped: Promise<ProfileReport> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly kernels: boolean,
    private readonly gpuTimer: boolean,
    private readonly maxRegions: number,
    private readonly kernelCpu: boolean,
  ) {
    const m = engineMemory();
    this.startBytes = this.peakBytes = m.bytes;
    this.startTensors = this.peakTensors = m.tensors;
  }

  begin(): void {
    this.sample(true);
    this.hookKernels();
    this.timer = setInterval(() => this.sample(true), this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /**
   * Install the kernel hook: an own `runKernelFunc` on the engine object that calls the
   * prototype's and times it. Kernels a kernel runs (custom-gradient ops' forward functions)
   * go through it too and are counted in both.
   */
  private hookKernels(): void {
    if (!this.kernels || this.patched !== null) return;
    const engine = tf.engine() as unknown as EngineInternals;
    const run = Object.getPrototypeOf(engine).runKernelFunc as EngineInternals['runKernelFunc'];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the wrapper runs with the engine as `this`
    const session = this;
    engine.runKernelFunc = function (this: EngineInternals, params: KernelParams): unknown {
      return session.runKernel(this, run, params);
    };
    this.patched = engine;
  }

  runKernel(engine: EngineInternals, run: EngineInternals['runKernelFunc'], params: KernelParams): unknown {
    const name = params.kernelName ?? engine.state.activeScope?.name ?? '';
    const b0 = engine.state.numBytes;
    const c0 = this.kernelCpu ? cpuNow!() : 0;
    let out: unknown;
    let gpu: Promise<{ kernelMs: number | { error: string } }> | null = null;
    const t0 = performance.now();
    if (this.gpuTimer && engine.backendName !== null && engine.backend.timerAvailable()) {
      gpu = engine.backend.time(() => {
        out = run.call(engine, params);
      });
    } else {
      out = run.call(engine, params);
    }
    const wall = performance.now() - t0;
    const cpu = this.kernelCpu ? cpuNow!() - c0 : 0;
    let acc = this.kernelAcc.get(name);
    if (acc === undefined) {
      acc = { calls: 0, wallMs: 0, cpuMs: 0, gpuMs: 0, gpuPending: [], bytesAdded: 0 };
      this.kernelAcc.set(name, acc);
    }
    acc.calls++;
    acc.wallMs += wall;
    acc.cpuMs += cpu;
    const bytes = engine.state.numBytes;
    acc.bytesAdded += bytes - b0;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    if (engine.state.numTensors > this.peakTensors) this.peakTensors = engine.state.numTensors;
    if (gpu !== null) acc.gpuPending.push(gpu.then((g) => g.kernelMs));
    return out;
  }

  private unhookKernels(): void {
    const engine = this.patched;
    if (engine === null) return;
    delete (engine as Partial<EngineInternals>).runKernelFunc;
    this.patched = null;
  }

  /**
   * One memory sample. `withProcess` also reads the process memory (Node's
   * `process.memoryUsage()`, ≈ 11 µs a call: it reads the resident set size from the OS),
   * which the interval samples and the first and last do; samples at region boundaries
   * read only the engine's counters (≈ 0.1 µs).
   */
  private sample(withProcess: boolean): void {
    const m = engineMemory();
    if (m.bytes > this.peakBytes) this.peakBytes = m.bytes;
    if (m.tensors > this.peakTensors) this.peakTensors = m.tensors;
    let heapUsed: number | null = null;
    let arrayBuffers: number | null = null;
    if (withProcess && memNow !== null) {
      const u = memNow();
      heapUsed = u.heapUsed;
      arrayBuffers = u.arrayBuffers;
      if (this.peakHeap === null || heapUsed > this.peakHeap) this.peakHeap = heapUsed;
      if (this.peakArrayBuffers === null || arrayBuffers > this.peakArrayBuffers) this.peakArrayBuffers = arrayBuffers;
    }
    this.samples.push({ t: performance.now() - this.t0, tensorBytes: m.bytes, tensors: m.tensors, heapUsed, arrayBuffers });
  }

  open(name: string): OpenRegion {
    this.sample(false);
    return { name, start: performance.now(), cpu: cpuNow?.() ?? 0, bytes: engineMemory().bytes, depth: this.openCount++ };
  }

  close(r: OpenRegion): void {
    const end = performance.now();
    const wallMs = end - r.start;
    const cpuMs = cpuNow === null ? null : cpuNow() - r.cpu;
    this.openCount--;
    if (this.stopped !== null) return; // ended after stop(): not part of the report
    const tot = this.totals.get(r.name) ?? { calls: 0, wallMs: 0, cpuMs: 0 };
    tot.calls++;
    tot.wallMs += wallMs;
    tot.cpuMs += cpuMs ?? 0;
    this.totals.set(r.name, tot);
    if (this.regions.length < this.maxRegions) {
      this.regions.push({
        name: r.name,
        start: r.start - this.t0,
        wallMs,
        cpuMs,
        depth: r.depth,
        tensorBytesDelta: engineMemory().bytes - r.bytes,
      });
    } else this.dropped++;
    this.sample(false);
  }

  stop(): Promise<ProfileReport> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  private async finish(): Promise<ProfileReport> {
    const wallMs = performance.now() - this.t0;
    const cpuMs = cpuNow === null ? null : cpuNow() - this.cpu0;
    this.sample(true);
    clearInterval(this.timer);
    this.unhookKernels();
    if (active === this) active = null;
    const end = engineMemory();
    const kernels: ProfileKernel[] = [];
    for (const [name, a] of this.kernelAcc) {
      let gpuMs: number | null = null;
      if (a.gpuPending.length > 0) {
        gpuMs = 0;
        for (const t of await Promise.all(a.gpuPending)) if (typeof t === 'number') gpuMs += t;
      }
      kernels.push({ name, calls: a.calls, wallMs: a.wallMs, cpuMs: this.kernelCpu ? a.cpuMs : null, gpuMs, bytesAdded: a.bytesAdded });
    }
    kernels.sort((x, y) => y.wallMs - x.wallMs);
    this.regions.sort((x, y) => x.start - y.start); // recorded as they end
    const regionTotals = [...this.totals].map(([name, t]) => ({
      name,
      calls: t.calls,
      wallMs: t.wallMs,
      cpuMs: cpuNow === null ? null : t.cpuMs,
    }));
    regionTotals.sort((x, y) => y.wallMs - x.wallMs);
    // The field, not tf.getBackend(): that would start a backend when none is set.
    const backend = (tf.engine() as unknown as EngineInternals).backendName ?? '';
    return {
      version: 1,
      startedAt: this.startedAt,
      backend,
      wallMs,
      cpuMs,
      regions: this.regions,
      droppedRegions: this.dropped,
      regionTotals,
      kernels,
      memory: {
        startBytes: this.startBytes,
        endBytes: end.bytes,
        startTensors: this.startTensors,
        endTensors: end.tensors,
        peakBytes: this.peakBytes,
        peakTensors: this.peakTensors,
        peakHeapUsed: this.peakHeap,
        peakArrayBuffers: this.peakArrayBuffers,
      },
      samples: this.samples,
      intervalMs: this.intervalMs,
    };
  }
}

/** Tensor bytes and count of the engine, read from its state (tf.memory() would ask the backend for more). */
function engineMemory(): { bytes: number; tensors: number } {
  const s = (tf.engine() as unknown as EngineInternals).state;
  return { bytes: s.numBytes, tensors: s.numTensors };
}
