import { builtModuleUrl } from '../pool/built-module-url.js';
import type { WorkerPool } from '../pool/worker-pool.js';
import { canShareMemory } from '../pool/worker-pool.js';
import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';
import { claimChunks, CTL, type Colsum } from './simd-bundle-helper.js';
import { simdLoopsModuleBytes } from './simd-loops-module.js';

const HELPER_URL = builtModuleUrl('simd-bundle-helper', import.meta.url);

/**
 * Bundles of at least this many elements are shared with the helper thread
 * (see {@link SimdArenaOptions.pool}); smaller ones take less than a wake-up.
 */
export const ARENA_BUNDLE_CROSSOVER = 1 << 16;

/** How long a bundle waits for the helper's last chunk before it reports the helper gone (ms). */
const HELPER_TIMEOUT_MS = 5000;
/** After a bundle waited on a descheduled helper, bundles run on the calling thread alone for this long (ms). */
const HELPER_BACKOFF_MS = 50;

/** Options of {@link createSimdArena}. */
export interface SimdArenaOptions {
  /**
   * A pool one of whose workers becomes the arena's helper thread until
   * {@link SimdArena.close}: the arena's memory is then shared
   * (a SharedArrayBuffer) and `bundle` of ≥ {@link ARENA_BUNDLE_CROSSOVER}
   * elements sums column chunks on both threads, with the bits of one thread.
   * The helper polls for the next bundle for 2 ms after each (a busy core),
   * then sleeps. Ignored where memory cannot be shared or the pool has no worker.
   */
  pool?: WorkerPool;
}

/**
 * Float32 arrays that live in one WebAssembly memory, with WebAssembly SIMD
 * loops over them where the work is memory-bound (bundle, dot, cosine). The
 * data are read where they lie: no copy into wasm memory per call, which for
 * a loop that reads each byte once would cost as much as the loop.
 */
export interface SimdArena {
  /** Bytes the arena holds (fixed at creation: the memory never grows, so views stay valid). */
  readonly bytes: number;
  /** A zeroed Float32Array of `n` elements inside the arena (16-byte aligned). @throws TensorError when full. */
  alloc(n: number): Float32Array;
  /** Forget every allocation (views made before must no longer be used). */
  reset(): void;
  /**
   * Bundle: out[j] = Σ_i x[i, j] of the row-major [rows, cols] `x` (an arena
   * array), float32 accumulation in row order, four columns per SIMD add;
   * `out` (an arena array of cols elements) is overwritten and returned.
   * cols must be a multiple of 4.
   */
  bundle(x: Float32Array, cols: number, out?: Float32Array): Float32Array;
  /** Dot product of two arena arrays of equal length (float32 products, see simdLoopsModuleBytes; tail in float64). */
  dot(a: Float32Array, b: Float32Array): number;
  /** Cosine scores of one query against each row of `items` ([rows, d], arena arrays): dot / (|q| |item|), 0 for a zero norm. */
  cosine(query: Float32Array, items: Float32Array, out?: Float64Array): Float64Array;
  /** Whether bundles are shared with a helper thread (created with a pool that can share memory). */
  readonly helped: boolean;
  /** Column chunks the helper thread has summed so far (0 without one). */
  helperChunks(): number;
  /**
   * Stop the helper thread (its pool worker is free again once this resolves); the arena stays usable on one thread.
   * Call it before terminating the pool: a helper killed in the middle of a bundle makes that bundle throw.
   */
  close(): Promise<void>;
}

/** Whether this engine runs WebAssembly SIMD. */
export function hasWasmSimd(): boolean {
  return typeof WebAssembly !== 'undefined' && WebAssembly.validate(simdLoopsModuleBytes());
}

/**
 * An arena of `bytes` (rounded up to 64 KiB pages); with `options.pool`, a
 * helper thread for bundles (see {@link SimdArenaOptions}).
 * @throws TensorError ERR_UNSUPPORTED without WebAssembly SIMD.
 */
export function createSimdArena(bytes: number, options: SimdArenaOptions = {}): SimdArena {
  const fn = 'createSimdArena';
  checkInt(fn, 'bytes', bytes, 1, 2 ** 31);
  if (!hasWasmSimd()) throw new TensorError('bytes', `${fn}: this engine has no WebAssembly SIMD`, { code: 'ERR_UNSUPPORTED' });
  const pages = Math.ceil(bytes / 65536);
  const withHelper = options.pool !== undefined && options.pool.size > 0 && canShareMemory();
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, ...(withHelper ? { shared: true } : {}) });
  const { colsum, dot } = new WebAssembly.Instance(new WebAssembly.Module(simdLoopsModuleBytes(withHelper ? pages : undefined)), {
    e: { m: memory },
  }).exports as { colsum: Colsum; dot(a: number, b: number, nBytes: number): number };
  const control = withHelper ? new Int32Array(new SharedArrayBuffer(4 * CTL.length)) : null;
  let helper: Promise<void> | null = null;
  if (control !== null) {
    const started = options.pool!.run({ module: HELPER_URL, fn: 'simdBundleHelper', args: { memory, pages, control }, blocks: 1 });
    // A helper that fails to start only leaves every chunk to the calling thread.
    helper = started.catch(() => {});
  }
  let seq = 0;
  let backoffUntil = 0;
  const bundleShared = (ctl: Int32Array, px: number, rows: number, rowBytes: number, po: number): void => {
    const groups = rowBytes >> 4;
    const chunks = Math.min(4, groups);
    seq = (seq + 1) & 0x7fffff;
    Atomics.store(ctl, CTL.x, px);
    Atomics.store(ctl, CTL.rows, rows);
    Atomics.store(ctl, CTL.rowBytes, rowBytes);
    Atomics.store(ctl, CTL.out, po);
    Atomics.store(ctl, CTL.chunks, chunks);
    Atomics.store(ctl, CTL.done, 0);
    Atomics.store(ctl, CTL.next, seq << 8);
    Atomics.store(ctl, CTL.seq, seq);
    Atomics.notify(ctl, CTL.seq);
    const t0 = performance.now();
    claimChunks(ctl, colsum, seq);
    // The helper's last chunk, if it holds one: it is summing it now (within one chunk's time, unless its core is taken).
    if (Atomics.load(ctl, CTL.done) < chunks) {
      const t1 = performance.now();
      const deadline = t1 + HELPER_TIMEOUT_MS;
      while (Atomics.load(ctl, CTL.done) < chunks) {
        if (performance.now() > deadline) {
          Atomics.store(ctl, CTL.stop, 1);
          throw new TensorError(
            'pool',
            'SimdArena.bundle: the helper thread stopped during a bundle (terminate its pool only after close())',
            {
              code: 'ERR_STATE',
            },
          );
        }
      }
      // Waited longer than this thread's own share took (and > 50 µs): the helper's core is busy with other work, so
      // the next bundles run on this thread alone for a while (one thread's speed on a loaded machine, not slower).
      const waited = performance.now() - t1;
      if (waited > Math.max(0.05, t1 - t0)) backoffUntil = performance.now() + HELPER_BACKOFF_MS;
    }
  };
  const size = pages * 65536;
  let top = 0;
  const own = (name: string, a: Float32Array): number => {
    if (!(a instanceof Float32Array) || a.buffer !== memory.buffer || a.byteOffset % 16 !== 0) {
      throw new TensorError(name, `SimdArena: ${name} must be a Float32Array from this arena's alloc (or a 16-byte aligned view of one)`);
    }
    return a.byteOffset;
  };
  const arena: SimdArena = {
    bytes: size,
    alloc(n) {
      checkInt('SimdArena.alloc', 'n', n, 0);
      const need = Math.ceil((4 * n) / 16) * 16;
      if (top + need > size) {
        throw new TensorError('n', `SimdArena.alloc: ${n} floats do not fit (${size - top} of ${size} bytes left)`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      }
      const a = new Float32Array(memory.buffer, top, n);
      a.fill(0);
      top += need;
      return a;
    },
    reset() {
      top = 0;
    },
    bundle(x, cols, out) {
      checkInt('SimdArena.bundle', 'cols', cols, 4);
      if (cols % 4 !== 0) throw new TensorError('cols', `SimdArena.bundle: cols must be a multiple of 4, got ${cols}`);
      const px = own('x', x);
      if (x.length % cols !== 0)
        throw new TensorError('x', `SimdArena.bundle: x.length ${x.length} is not a multiple of cols ${cols}`, { code: 'ERR_SHAPE' });
      const o = out ?? arena.alloc(cols);
      const po = own('out', o);
      if (o.length !== cols) throw new TensorError('out', `SimdArena.bundle: out must have ${cols} elements`, { code: 'ERR_SHAPE' });
      if (
        control !== null &&
        Atomics.load(control, CTL.stop) === 0 &&
        x.length >= ARENA_BUNDLE_CROSSOVER &&
        performance.now() >= backoffUntil
      ) {
        bundleShared(control, px, x.length / cols, 4 * cols, po);
      } else {
        colsum(px, x.length / cols, 4 * cols, po, 4 * cols);
      }
      return o;
    },
    dot(a, b) {
      const pa = own('a', a);
      const pb = own('b', b);
      if (a.length !== b.length)
        throw new TensorError('b', `SimdArena.dot: lengths differ (${a.length}, ${b.length})`, { code: 'ERR_SHAPE' });
      const body = a.length & ~3;
      let s = dot(pa, pb, 4 * body);
      for (let i = body; i < a.length; i++) s += a[i] * b[i];
      return s;
    },
    cosine(query, items, out) {
      const d = query.length;
      if (d === 0 || items.length % d !== 0)
        throw new TensorError('items', 'SimdArena.cosine: items must be [rows, query.length]', { code: 'ERR_SHAPE' });
      const rows = items.length / d;
      const res = out ?? new Float64Array(rows);
      const qn = Math.sqrt(arena.dot(query, query));
      for (let r = 0; r < rows; r++) {
        const row = items.subarray(r * d, (r + 1) * d);
        const den = qn * Math.sqrt(arena.dot(row, row));
        res[r] = den > 0 ? arena.dot(query, row) / den : 0;
      }
      return res;
    },
    helped: control !== null,
    helperChunks: () => (control === null ? 0 : Atomics.load(control, CTL.helped)),
    async close() {
      if (control === null) return;
      Atomics.store(control, CTL.stop, 1);
      Atomics.notify(control, CTL.seq);
      await helper;
    },
  };
  return arena;
}
