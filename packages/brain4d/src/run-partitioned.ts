import { Worker } from 'node:worker_threads';
import { Brain4dError } from './brain4d-error.js';
import type { NetworkSpec } from './network-spec.js';
import { exchangeCapacity, exchangeLayout, type PartitionData } from './spike-exchange.js';
import { validateNetwork } from './validate-network.js';

/** What {@link runPartitioned} returns. */
export interface PartitionedResult {
  /** Mean rate of each population, Hz. */
  rates: Record<string, number>;
  /** Spikes emitted. */
  spikes: number;
  /** Wall-clock seconds of the whole call: worker start, each partition's build, the simulation. */
  wall: number;
  /** Wall-clock seconds of the simulation alone (slowest partition, from the common start). */
  runWall: number;
  /** Real-time factor of the simulation: runWall per biological second. */
  rtf: number;
  /** CPU seconds each worker's thread spent in the simulation (Linux, 10 ms resolution; null where /proc is missing). */
  workerCpu: Array<number | null>;
  /**
   * Exchanges in which each worker had to block in Atomics.wait after spinning its budget
   * (out of one per step): ≈ 0 on an idle machine with a core per worker; many on an
   * oversubscribed one, where each costs a wake-up of tens of µs.
   */
  blocked: number[];
  /** Steps per exchange (see {@link PartitionedOptions.batch}). */
  every: number;
  /** The neuron-update engine each worker ran (see SimulatorOptions.engine): 'wasm' where WebAssembly SIMD is available, as on one thread. */
  engines: string[];
  /** Times of the recorded spikes (monitors.spikes), ms, as Simulator.spikes() gives them. */
  times: Float64Array;
  /** Lattice ids of the recorded spikes. */
  ids: Int32Array;
  /** Steps of the recorded spikes. */
  steps: Int32Array;
}

/** Options of {@link runPartitioned}. */
export interface PartitionedOptions {
  /**
   * Longest a worker spins waiting for a partner's spikes before it blocks in Atomics.wait, µs
   * (default {@link DEFAULT_SPIN_US}); it adapts down to 4 µs while waits keep blocking.
   */
  spinUs?: number;
  /**
   * Batch the exchange over the minimum delay (default true): when every projection's delays are
   * at least W ≥ 2 steps by its description (a constant, or a distribution's lower bound `low`)
   * and none is plastic, the workers exchange once every W steps (at most {@link MAX_BATCH}),
   * the same spikes as one thread (see SimulatorOptions.partition.every). Networks with
   * one-step delays (CUBA, the lattice examples) exchange every step either way.
   */
  batch?: boolean;
}

/** Most steps exchanged at once (bounds the exchange memory: steps × neurons of a partition). */
export const MAX_BATCH = 16;

/**
 * Steps per exchange for a validated description: the smallest delay every projection
 * guarantees by its description (delays are rounded to whole steps, at least 1, so a lower
 * bound `low` gives round(low)), 1 with any plastic projection, at most {@link MAX_BATCH}.
 */
export function exchangeEvery(spec: NetworkSpec): number {
  let w = MAX_BATCH;
  for (const pr of spec.projections ?? []) {
    if (pr.plasticity) return 1;
    const d = pr.delay ?? 1;
    const low =
      typeof d === 'number' ? d : d.dist === 'constant' ? d.value : d.dist === 'uniform' ? d.low : d.dist === 'normal' ? (d.low ?? 1) : 1;
    w = Math.min(w, Math.max(1, Math.round(low)));
  }
  return w;
}

/**
 * Default spin budget, µs: far above a step's imbalance between partitions of a few µs and
 * above the tens of µs a blocked worker takes to wake, so that on an idle machine the
 * steady state never blocks (a block makes the partner wait through the wake-up); on an
 * oversubscribed one the budget falls ÷8 at each block (see waitUntil in spike-exchange.ts),
 * so the workers soon block almost at once and leave their cores to the threads they wait for.
 */
export const DEFAULT_SPIN_US = 1000;

/**
 * Runs a network on `workers` worker_threads: the neurons (global index order, i.e.
 * population by population, lattice order within each, so a partition of a population is
 * a slab along w, then z, y) are split into contiguous ranges of equal size; every worker
 * keeps the synapses onto its range, updates its neurons, delivers the step's spikes to them
 * and exchanges spikes with the others every step over SharedArrayBuffer (see
 * spike-exchange.ts). Construction draws and inputs are replicated in every worker (the same
 * random numbers). The spikes equal a single-thread run's for the same seed. Node only.
 */
export async function runPartitioned(
  network: unknown,
  duration: number,
  workers: number,
  options: PartitionedOptions = {},
): Promise<PartitionedResult> {
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new Brain4dError('workers', `must be an integer in [1, 64], got ${workers}`, { code: 'ERR_OUT_OF_RANGE' });
  if (options.spinUs !== undefined && !(options.spinUs >= 1 && options.spinUs <= 1e6))
    throw new Brain4dError('spinUs', `must be a number of µs in [1, 1e6], got ${options.spinUs}`, { code: 'ERR_OUT_OF_RANGE' });
  const spec: NetworkSpec = validateNetwork(network);
  const N = Object.values(spec.populations).reduce((a, p) => a + p.size[0] * p.size[1] * p.size[2] * p.size[3], 0);
  const every = options.batch === false ? 1 : exchangeEvery(spec);
  const shared = new SharedArrayBuffer(exchangeLayout(workers, exchangeCapacity(N, workers, every)).bytes);
  const spinUs = options.spinUs ?? DEFAULT_SPIN_US;
  const t0 = performance.now();
  const results = await startWorkers<{
    rates: Record<string, number>;
    spikes: number;
    wall: number;
    cpu: number | null;
    blocked: number;
    engine: string;
    steps?: Int32Array;
    ids?: Int32Array;
  }>(
    Array.from({ length: workers }, (_, index) => {
      const lo = Math.round((index * N) / workers);
      const hi = Math.round(((index + 1) * N) / workers);
      return { spec, duration, index, workers, lo, hi, shared, N, spinUs, every };
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  // startWorkers resolves in partition order: results[i] is partition i's.
  const first = results[0];
  const steps = first.steps ?? new Int32Array(0);
  const runWall = Math.max(...results.map((r) => r.wall));
  return {
    rates: first.rates,
    spikes: first.spikes,
    wall,
    runWall,
    rtf: runWall / (duration / 1000),
    workerCpu: results.map((r) => r.cpu),
    blocked: results.map((r) => r.blocked),
    every,
    engines: results.map((r) => r.engine),
    steps,
    ids: first.ids ?? new Int32Array(0),
    times: Float64Array.from(steps, (s) => s * spec.dt!),
  };
}

/**
 * Starts one partition worker for each description and resolves with their messages, in order.
 * If one fails, the others (which would wait for its spikes for ever) are terminated.
 */
function startWorkers<T>(data: PartitionData[]): Promise<T[]> {
  const url = new URL('./partition-worker.js', import.meta.url);
  const started: Worker[] = [];
  return Promise.all(
    data.map(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const w = new Worker(url, { workerData: d });
          started.push(w);
          w.once('message', (m) => {
            resolve(m as T);
            void w.terminate();
          });
          w.once('error', (e) => {
            for (const other of started) void other.terminate();
            reject(new Brain4dError('workers', `partition ${d.index} failed: ${e.message}`, { code: 'ERR_STATE', cause: e }));
          });
        }),
    ),
  );
}

/** What {@link measureExchange} returns. */
export interface ExchangeCost {
  /** Wall-clock µs per exchange (slowest worker), with no work between two exchanges. */
  usPerExchange: number;
  /** Exchanges in which each worker blocked in Atomics.wait (see {@link PartitionedResult.blocked}). */
  blocked: number[];
  /** Exchanges timed. */
  exchanges: number;
}

/**
 * The cost of the spike exchange itself: `workers` workers run `exchanges` exchanges of one
 * spike each, back to back, through the code a partitioned run uses (spike-exchange.ts). On
 * an idle machine with a core per worker this is the price of a step's synchronisation
 * (≈ 0.1–0.5 µs); on an oversubscribed one it shows the blocking fall-back (tens of µs each).
 */
export async function measureExchange(exchanges: number, workers = 2, options: PartitionedOptions = {}): Promise<ExchangeCost> {
  if (!Number.isInteger(exchanges) || exchanges < 1)
    throw new Brain4dError('exchanges', `must be an integer >= 1, got ${exchanges}`, { code: 'ERR_OUT_OF_RANGE' });
  if (!Number.isInteger(workers) || workers < 2 || workers > 64)
    throw new Brain4dError('workers', `must be an integer in [2, 64], got ${workers}`, { code: 'ERR_OUT_OF_RANGE' });
  const N = workers;
  const shared = new SharedArrayBuffer(exchangeLayout(workers, exchangeCapacity(N, workers)).bytes);
  const spinUs = options.spinUs ?? DEFAULT_SPIN_US;
  const spec = validateNetwork({ lattice: [1, 1, 1, 1], populations: { p: { size: [1, 1, 1, 1], model: 'lif' } } });
  const results = await startWorkers<{ wall: number; blocked: number }>(
    Array.from({ length: workers }, (_, index) => ({
      spec,
      duration: 0,
      index,
      workers,
      lo: index,
      hi: index + 1,
      shared,
      N,
      spinUs,
      exchanges,
    })),
  );
  return { usPerExchange: (Math.max(...results.map((r) => r.wall)) * 1e6) / exchanges, blocked: results.map((r) => r.blocked), exchanges };
}
