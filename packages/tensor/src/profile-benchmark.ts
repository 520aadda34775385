import { TensorError } from './tensor-error.js';

/** Options of {@link benchmarkOperations}. */
export interface BenchmarkOptions {
  /** Timed calls of each operation (default 20; ≥ 1). */
  iterations?: number;
  /** Untimed calls first, for JIT and caches (default 2). */
  warmup?: number;
  /** Work items one call does (e.g. neurons updated), per operation name; throughput is then items/s. Default 1. */
  items?: Record<string, number>;
}

/** Timing of one operation by {@link benchmarkOperations}; times in ms per call. */
export interface OperationTiming {
  /** The operation's key in `ops`. */
  name: string;
  /** Timed calls. */
  iterations: number;
  /** Median time of a call, ms. */
  medianMs: number;
  /** Mean time of a call, ms. */
  meanMs: number;
  /** Fastest call, ms. */
  minMs: number;
  /** Slowest call, ms. */
  maxMs: number;
  /** Sample standard deviation (n − 1), ms. */
  stdMs: number;
  /** Median absolute deviation from the median, ms (a spread robust to outliers). */
  madMs: number;
  /** 10th and 90th percentiles (linear interpolation), ms. */
  p10Ms: number;
  /** 90th percentile, ms (see p10Ms). */
  p90Ms: number;
  /** Items per second at the median time: items / (medianMs / 1000). */
  throughput: number;
  /** Items one call does (1 unless given in `items`). */
  items: number;
}

/**
 * Time each operation of `ops` (`{ name: fn }`, run one after another, each awaited
 * when it returns a promise): `warmup` untimed calls, then `iterations` calls timed
 * one by one with `performance.now()`. Returns median, mean, extremes, spread (sample
 * standard deviation, median absolute deviation, 10th–90th percentiles) and
 * throughput per operation, in the order of `ops`. A function whose GPU work must be
 * waited for should await its result (`await t.data()`), or its time is only the dispatch.
 * @throws TensorError for an operation that is not a function or bad options.
 */
export async function benchmarkOperations(ops: Record<string, () => unknown>, opts: BenchmarkOptions = {}): Promise<OperationTiming[]> {
  const iterations = opts.iterations ?? 20;
  const warmup = opts.warmup ?? 2;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new TensorError('iterations', `benchmarkOperations: iterations must be an integer >= 1, got ${String(iterations)}`, {
      code: 'ERR_OUT_OF_RANGE',
    });
  }
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new TensorError('warmup', `benchmarkOperations: warmup must be an integer >= 0, got ${String(warmup)}`, {
      code: 'ERR_OUT_OF_RANGE',
    });
  }
  const out: OperationTiming[] = [];
  for (const [name, fn] of Object.entries(ops)) {
    if (typeof fn !== 'function') throw new TensorError(`ops.${name}`, `benchmarkOperations: ops.${name} must be a function`);
    const items = opts.items?.[name] ?? 1;
    if (!(items > 0) || !Number.isFinite(items)) {
      throw new TensorError(`items.${name}`, `benchmarkOperations: items.${name} must be a positive number, got ${String(items)}`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    }
    for (let i = 0; i < warmup; i++) await fn();
    const t = new Float64Array(iterations);
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await fn();
      t[i] = performance.now() - t0;
    }
    t.sort();
    const med = quantile(t, 0.5);
    let sum = 0;
    for (const x of t) sum += x;
    const mean = sum / iterations;
    let ss = 0;
    for (const x of t) ss += (x - mean) * (x - mean);
    const dev = t.map((x) => Math.abs(x - med)).sort();
    out.push({
      name,
      iterations,
      medianMs: med,
      meanMs: mean,
      minMs: t[0],
      maxMs: t[iterations - 1],
      stdMs: iterations > 1 ? Math.sqrt(ss / (iterations - 1)) : 0,
      madMs: quantile(dev, 0.5),
      p10Ms: quantile(t, 0.1),
      p90Ms: quantile(t, 0.9),
      throughput: med > 0 ? items / (med / 1000) : Infinity,
      items,
    });
  }
  return out;
}

/** Quantile q of sorted values by linear interpolation between order statistics (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
