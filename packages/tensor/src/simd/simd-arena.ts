import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';
import { simdLoopsModuleBytes } from './simd-loops-module.js';

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
}

/** Whether this engine runs WebAssembly SIMD. */
export function hasWasmSimd(): boolean {
  return typeof WebAssembly !== 'undefined' && WebAssembly.validate(simdLoopsModuleBytes());
}

/**
 * An arena of `bytes` (rounded up to 64 KiB pages).
 * @throws TensorError ERR_UNSUPPORTED without WebAssembly SIMD.
 */
export function createSimdArena(bytes: number): SimdArena {
  const fn = 'createSimdArena';
  checkInt(fn, 'bytes', bytes, 1, 2 ** 31);
  if (!hasWasmSimd()) throw new TensorError('bytes', `${fn}: this engine has no WebAssembly SIMD`, { code: 'ERR_UNSUPPORTED' });
  const pages = Math.ceil(bytes / 65536);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const { colsum, dot } = new WebAssembly.Instance(new WebAssembly.Module(simdLoopsModuleBytes()), { e: { m: memory } }).exports as {
    colsum(x: number, rows: number, rowBytes: number, out: number): void;
    dot(a: number, b: number, nBytes: number): number;
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
      colsum(px, x.length / cols, 4 * cols, po);
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
  };
  return arena;
}
