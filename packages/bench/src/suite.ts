import type { BackendName } from '@neurite/tensor';

/** One result row of the JSON document (see ARCHITECTURE.md, Benchmarks). */
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
  /** Goal from the issue, shown in the table, e.g. "≤ 5 ms". */
  goal?: string;
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
  /** A progress line on stderr (suppressed with --json unless a TTY). */
  progress(message: string): void;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): Promise<BenchResult[]>;
}
