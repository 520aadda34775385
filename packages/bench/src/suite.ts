import type { BackendName } from '@neurite/tensor';

/** One result row of a suite (in the JSON document each row also names its `suite`; see README.md). */
export interface BenchResult {
  case: string;
  params: Record<string, unknown>;
  backend: string;
  metric: string; // 'time' | 'throughput' | 'memory' | …
  unit: string; // 'us' | 'ms' | 'GFLOP/s' | 'elements/s' | 'bytes/nnz' | …
  value: number;
  /** Only when a reference was really measured in this run; never invented. */
  reference?: { name: string; value: number };
  /** value / reference.value (for times: < 1 means faster than the reference). */
  ratio?: number;
  /**
   * The project's goal for this case, shown in the table, e.g. "≤ 5 ms" or "ratio ≤ 1.2".
   * A goal is a target, not a measurement; figures of other tools quoted beside it go in
   * `note` with their source (tool and version or repository), never in `reference`.
   */
  goal?: string;
  /** Anything else worth reading: quoted figures with their source, what was not measured and why. */
  note?: string;
}

export interface MeasureOptions {
  /** Untimed calls first (JIT, caches). Default 3 (1 with --quick). */
  warmup?: number;
  /** Timed repeats; the median is reported. Default 15 (5 with --quick). */
  repeats?: number;
  /** Calls of fn per timed repeat, for sub-microsecond work. Default 1. */
  inner?: number;
}

export interface SuiteContext {
  quick: boolean;
  /** Backend requested with --backend (already set active before the suite runs). */
  backend: BackendName;
  /** Median wall time of one call of fn, in microseconds. Awaits fn if it returns a promise. */
  measure(fn: () => unknown, opts?: MeasureOptions): Promise<number>;
  /**
   * Runs `packages/bench/references/<script>` with python3 (numpy) and returns its
   * parsed JSON stdout, or undefined when python3 with numpy is not available.
   */
  pythonReference<T = Record<string, number>>(script: string, args?: string[]): T | undefined;
  /** The current step, shown beside the progress bar when stderr is a TTY (nothing otherwise, nothing with --json). */
  progress(message: string): void;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): Promise<BenchResult[]>;
}

/** What `neurite-bench` ran on. */
export interface BenchMachine {
  cpus: number;
  node: string;
  backend: BackendName;
  simd: boolean;
  threads: boolean;
}

/**
 * The one JSON document `neurite-bench --json` prints, whatever the number of suites:
 * the machine, the suites run (in order), and every result row tagged with its suite.
 */
export interface BenchDocument {
  machine: BenchMachine;
  suites: string[];
  results: Array<BenchResult & { suite: string }>;
}
