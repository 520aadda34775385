import type { BackendName } from '@neurite/tensor';

/** One result row of a suite (in the JSON document each row also names its `suite`; see README.md). */
export interface BenchResult {
  /** The case's name, e.g. `'lif-step'`; with `params` it identifies the row. */
  case: string;
  /** The parameters of the case (sizes, sparsity, …) as plain JSON. */
  params: Record<string, unknown>;
  /** The tfjs backend the case ran on (`'cpu'`, `'wasm'`, …), or `'n/a'` for work without tensors. */
  backend: string;
  /** What `value` measures: `'time'`, `'throughput'`, `'memory'`, `'accuracy'`, `'ratio'`, … */
  metric: string; // 'time' | 'throughput' | 'memory' | …
  /** The unit of `value`: `'us'`, `'ms'`, `'GFLOP/s'`, `'elements/s'`, `'bytes/nnz'`, `'%'`, … */
  unit: string; // 'us' | 'ms' | 'GFLOP/s' | 'elements/s' | 'bytes/nnz' | …
  /** The measured value (the median of the repeats for a time), in `unit`. */
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

/** How {@link SuiteContext.measure} times a function. */
export interface MeasureOptions {
  /** Untimed calls first (JIT, caches). Default 3 (1 with --quick). */
  warmup?: number;
  /** Timed repeats; the median is reported. Default 15 (5 with --quick). */
  repeats?: number;
  /** Calls of fn per timed repeat, for sub-microsecond work. Default 1. */
  inner?: number;
}

/** What a suite's `run` receives: the run's settings and the measuring helpers. */
export interface SuiteContext {
  /** `--quick`: smaller sizes and fewer repeats (CI and smoke runs). */
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

/** A package's benchmark suite, run by `neurite-bench <name>` (registered in `packages/bench/src/suites/index.ts`). */
export interface Suite {
  /** The name `neurite-bench <name>` selects, the package's name without scope (e.g. `'hrr'`). */
  name: string;
  /** One line `neurite-bench --help` lists. */
  description: string;
  /** Runs every case and returns its rows; must not print (the CLI prints the table or the JSON). */
  run(ctx: SuiteContext): Promise<BenchResult[]>;
}

/** What `neurite-bench` ran on. */
export interface BenchMachine {
  /** Logical CPU cores (`os.cpus().length`). */
  cpus: number;
  /** The Node version (`process.version`). */
  node: string;
  /** The backend the run used (`--backend`). */
  backend: BackendName;
  /** wasm: whether the SIMD binary runs (as `setBackend` reports it). */
  simd: boolean;
  /** wasm: whether the multi-threaded binary runs (false in Node, where tfjs turns threads off). */
  threads: boolean;
}

/**
 * The one JSON document `neurite-bench --json` prints, whatever the number of suites:
 * the machine, the suites run (in order), and every result row tagged with its suite.
 */
export interface BenchDocument {
  /** What the numbers were measured on. */
  machine: BenchMachine;
  /** The suites run, in order. */
  suites: string[];
  /** Every row of every suite, tagged with its suite's name. */
  results: Array<BenchResult & { suite: string }>;
}
