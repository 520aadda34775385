/**
 * WebAssembly SIMD loops on ordinary typed arrays: a per-thread instance of the
 * SIMD-loop module with a small scratch memory. Data outside wasm memory are
 * copied through it in chunks small enough to stay in the core's cache (the
 * copy reads each byte once, as the loop would; the loop then reads the
 * cache). The arithmetic is that of the scalar float64 loops they replace
 * (`dot`, the bundle block), so results are bit-identical with or without SIMD.
 * @internal
 */
import { simdLoopsModuleBytes } from './simd-loops-module.js';

/** Float32 elements per operand chunk (32 KiB: two operands fit a 64 KiB L1/L2 share). */
const CHUNK = 8192;
/** Float64 column sums held at once (64 KiB). */
const ACC_COLS = 8192;
const A_OFF = 0;
const B_OFF = 4 * CHUNK;
const ACC_OFF = 8 * CHUNK;
const DOT_ACC_OFF = ACC_OFF + 8 * ACC_COLS;
const BYTES = DOT_ACC_OFF + 64;

interface Kernels {
  f32: Float32Array;
  f64: Float64Array;
  /** The four partial sums of dot64, at DOT_ACC_OFF. */
  dotAcc: Float64Array;
  dot64(a: number, b: number, nBytes: number, acc: number): void;
  colsum64(x: number, rows: number, rowBytes: number, acc: number): void;
}

let kernels: Kernels | null | undefined;

function load(): Kernels | null {
  if (kernels !== undefined) return kernels;
  kernels = null;
  try {
    const bytes = simdLoopsModuleBytes();
    if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
    const pages = Math.ceil(BYTES / 65536);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } }).exports as unknown as Kernels;
    kernels = {
      f32: new Float32Array(memory.buffer),
      f64: new Float64Array(memory.buffer),
      dotAcc: new Float64Array(memory.buffer, DOT_ACC_OFF, 4),
      dot64: ex.dot64,
      colsum64: ex.colsum64,
    };
  } catch {
    kernels = null;
  }
  return kernels;
}

/** Whether the SIMD loops run on this thread (WebAssembly SIMD available). */
export function simdKernelsAvailable(): boolean {
  return load() !== null;
}

/**
 * The four float64 partial sums of `dot` over the first `body` elements
 * (body a multiple of 4): s[l] = Σ_{i ≡ l mod 4, i < body} a[i] b[i], in
 * index order; null without SIMD. The returned array is reused by the next
 * call on this thread: read it at once.
 */
export function dotPartialSums(a: Float32Array, b: Float32Array, body: number): Float64Array | null {
  const k = load();
  if (k === null) return null;
  k.dotAcc.fill(0);
  const same = a === b;
  for (let o = 0; o < body; o += CHUNK) {
    const c = Math.min(CHUNK, body - o);
    k.f32.set(c === a.length ? a : a.subarray(o, o + c), A_OFF / 4);
    if (!same) k.f32.set(c === b.length ? b : b.subarray(o, o + c), B_OFF / 4);
    k.dot64(A_OFF, same ? A_OFF : B_OFF, 4 * c, DOT_ACC_OFF);
  }
  return k.dotAcc;
}

/**
 * out[j] = Σ_i x[i * cols + j] for j in [c0, c1), accumulated in float64 in
 * row order and stored to float32 once (as a scalar float64 loop does).
 * Returns false (nothing written) without SIMD.
 */
export function columnSums64(x: Float32Array, rows: number, cols: number, c0: number, c1: number, out: Float32Array): boolean {
  const k = load();
  if (k === null) return false;
  for (let s0 = c0; s0 < c1; s0 += ACC_COLS) {
    const s1 = Math.min(c1, s0 + ACC_COLS);
    const w = s1 - s0;
    const w4 = w & ~3;
    const acc = k.f64.subarray(ACC_OFF / 8, ACC_OFF / 8 + w);
    acc.fill(0);
    if (w4 > 0) {
      const chunkRows = Math.max(1, Math.floor(CHUNK / w4));
      for (let r0 = 0; r0 < rows; r0 += chunkRows) {
        const r1 = Math.min(rows, r0 + chunkRows);
        if (w4 === cols) k.f32.set(x.subarray(r0 * cols, r1 * cols), A_OFF / 4);
        else for (let r = r0; r < r1; r++) k.f32.set(x.subarray(r * cols + s0, r * cols + s0 + w4), A_OFF / 4 + (r - r0) * w4);
        k.colsum64(A_OFF, r1 - r0, 4 * w4, ACC_OFF);
      }
    }
    // the last w - w4 (< 4) columns: the same float64 additions in row order
    for (let j = w4; j < w; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += x[i * cols + s0 + j];
      acc[j] = s;
    }
    for (let j = 0; j < w; j++) out[s0 + j] = acc[j];
  }
  return true;
}
