import { EqPropError } from './eqprop-error.js';
import { simdModuleBytes } from './simd-module.js';

/** The exports of the SIMD module (simd-module.ts), pointers in bytes. */
export interface SimdExports {
  gemm(
    c: number,
    a: number,
    b: number,
    M: number,
    K: number,
    N: number,
    sar: number,
    sak: number,
    ldb: number,
    ldc: number,
    alpha: number,
    pairs: number,
    c0: number,
    ldc0: number,
    G: number,
  ): void;
  narrow(
    c: number,
    a: number,
    b: number,
    M: number,
    K: number,
    N: number,
    sar: number,
    sak: number,
    ldb: number,
    ldc: number,
    alpha: number,
    c0: number,
    ldc0: number,
  ): void;
  euler(s: number, u: number, rows: number, n: number, eps: number, res: number, withRes: number): void;
  damped(s: number, u: number, rows: number, n: number, keep: number, g: number, res: number, withRes: number): void;
  gemmEuler(
    s: number,
    a: number,
    b: number,
    M: number,
    K: number,
    N: number,
    sar: number,
    sak: number,
    ldb: number,
    alpha: number,
    pairs: number,
    c0: number,
    ldc0: number,
    eps: number,
    res: number,
    withRes: number,
  ): void;
  sub(d: number, a: number, b: number, n: number): void;
  dot(c: number, a: number, p: number, M: number, K: number, N: number, lda: number, ldc: number, c0: number, ldc0: number): void;
  finite(x: number, n: number): number;
  gemmDamped(
    s: number,
    a: number,
    b: number,
    M: number,
    K: number,
    N: number,
    sar: number,
    sak: number,
    ldb: number,
    alpha: number,
    pairs: number,
    c0: number,
    ldc0: number,
    keep: number,
    g: number,
    res: number,
    withRes: number,
  ): void;
}

/**
 * Typed arrays inside one WebAssembly memory, so the products and updates of a
 * relaxation run as WebAssembly SIMD loops on them where they lie (no copy per
 * call). The memory has a fixed size (it never grows, so views stay valid):
 * `alloc` hands out persistent arrays, `mark`/`release` a stack of transient ones.
 */
export interface DenseArena {
  readonly bytes: number;
  /** A float32 array of n elements (16-byte aligned), zeroed unless `zero` is false. @throws EqPropError when full. */
  alloc(n: number, zero?: boolean): Float32Array;
  /** A zeroed float64 array of n elements. */
  alloc64(n: number): Float64Array;
  /** The allocation point, for {@link release}. */
  mark(): number;
  /** Free everything allocated since `mark` (views made since must no longer be used). */
  release(mark: number): void;
}

interface ArenaState {
  exports: SimdExports;
  /** Byte offset of the pair lists gemm writes (a 4-byte end pointer per row of a group, then 8 bytes per term). */
  pairs: number;
  /** Bytes of the pair area. */
  pairBytes: number;
}

/** Rows gemm lists and walks together (so a slice of B is reused from cache by all of them). */
export const GEMM_GROUP = 32;

/**
 * Rows of a group that fit the pair area for rows of K terms (≥ 1 when K ≤ the arena's maxK): up to
 * {@link GEMM_GROUP}, or 128 for short rows (K ≤ 64, e.g. a weight update over a batch), whose lists are
 * then built from neighbouring columns of A.
 */
export function gemmGroup(st: ArenaState, K: number, M: number): number {
  return Math.max(0, Math.min(M, K <= 64 ? 128 : GEMM_GROUP, Math.floor((st.pairBytes - 8) / (8 * K + 4))));
}

const arenas = new WeakMap<ArrayBufferLike, ArenaState>();
let simdSupport: boolean | undefined;

/** Whether this engine runs the module (WebAssembly with SIMD). */
export function hasSimd(): boolean {
  simdSupport ??= typeof WebAssembly !== 'undefined' && WebAssembly.validate(simdModuleBytes());
  return simdSupport;
}

/** The SIMD module behind `buffer` when it belongs to an arena, with its pair list. */
export function arenaOf(buffer: ArrayBufferLike): ArenaState | undefined {
  return arenas.get(buffer);
}

/**
 * An arena of at least `bytes` bytes whose gemm handles rows of up to `maxK`
 * terms (in groups of up to {@link GEMM_GROUP} rows). Without WebAssembly SIMD it is plain memory (an ArrayBuffer) and the
 * operations run their JavaScript versions, which give the same bits.
 */
export function createDenseArena(bytes: number, maxK: number): DenseArena {
  const pairBytes = Math.ceil(((8 * Math.max(1, maxK) + 4) * GEMM_GROUP + 8) / 16) * 16;
  const total = Math.ceil((bytes + pairBytes + 64) / 65536) * 65536;
  let buffer: ArrayBufferLike;
  if (hasSimd()) {
    const pages = total / 65536;
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const exports = new WebAssembly.Instance(new WebAssembly.Module(simdModuleBytes()), { e: { m: memory } })
      .exports as unknown as SimdExports;
    buffer = memory.buffer;
    arenas.set(buffer, { exports, pairs: 0, pairBytes });
  } else buffer = new ArrayBuffer(total);
  let top = pairBytes;
  const take = (n: number, size: number): number => {
    // 16 bytes of slack after each array: gemm's last 4-wide block may read (never write) 12 bytes past a row
    const need = Math.ceil((size * n) / 16) * 16 + 16;
    if (top + need > total) {
      throw new EqPropError('arena', `DenseArena: ${n} values do not fit (${total - top} of ${total} bytes left)`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    }
    const at = top;
    top += need;
    return at;
  };
  return {
    bytes: total,
    alloc(n, zero = true) {
      const a = new Float32Array(buffer, take(n, 4), n);
      if (zero) a.fill(0);
      return a;
    },
    alloc64(n) {
      const a = new Float64Array(buffer, take(n, 8), n);
      a.fill(0);
      return a;
    },
    mark: () => top,
    release(m) {
      top = m;
    },
  };
}

/** d = a − b elementwise in float32 (a WebAssembly SIMD loop when all three lie in one arena). */
export function subtract(d: Float32Array, a: Float32Array, b: Float32Array): void {
  const st = arenaOf(d.buffer);
  if (st !== undefined && a.buffer === d.buffer && b.buffer === d.buffer) {
    st.exports.sub(d.byteOffset, a.byteOffset, b.byteOffset, d.length);
    return;
  }
  for (let i = 0; i < d.length; i++) d[i] = a[i] - b[i];
}

/** Whether every value of x is finite (a WebAssembly SIMD loop when x lies in an arena). */
export function allFinite(x: Float32Array): boolean {
  const st = arenaOf(x.buffer);
  if (st !== undefined) return st.exports.finite(x.byteOffset, x.length) === 1;
  // Σ x_i·0 is 0 exactly when every x_i is finite (inf·0 and NaN·0 are NaN), with no branch per value
  let probe = 0;
  for (let i = 0; i < x.length; i++) probe += x[i] * 0;
  return probe === 0;
}
