/**
 * @internal The bytes of a tiny WebAssembly SIMD module for memory-bound
 * loops, assembled here from its instructions (no build step, no binary
 * blob; encoding helpers in kernels/wasm/wasm-encoding.ts, public as
 * `@neurite/tensor/wasm-encoding`). It
 * imports its memory as e.m and exports, with byte offsets as arguments:
 *
 *   colsum(x, rows, rowBytes, out, widthBytes)
 *                                    out[j] = Σ_i x[i, j] over the first widthBytes of each row
 *                                    (rows rowBytes apart), float32 accumulation in row order,
 *                                    four columns per instruction (both multiples of 16)
 *   dot(a, b, nBytes) -> f64         Σ_k a[k] b[k] over nBytes (a multiple of 16): float32
 *                                    products summed in two f32x4 accumulators (lanes k mod 8),
 *                                    whose 8 lanes are added in float64 at the end
 *   dot64(a, b, nBytes, acc)         float64 partial sums s_l += a[k] b[k] over k ≡ l (mod 4),
 *                                    l = 0..3, kept at acc (four f64, read and written back):
 *                                    float32 inputs promoted, products exact in float64, so the
 *                                    sums are those of the scalar loop of `dot` (src/dot.ts)
 *   colsum64(x, rows, rowBytes, acc) acc[j] += Σ_i x[i, j] in float64, row order (acc: f64 per
 *                                    column; rowBytes a multiple of 16), as a scalar float64 loop
 *
 * colsum accumulates eight rows per pass over a row of sums ((s + x0) + x1) + … + x7: the
 * same additions in the same order as one row at a time, with an eighth of the loads and
 * stores of the sums.
 */
import {
  uleb,
  vec,
  section,
  name,
  get,
  set,
  i32,
  I32_ADD,
  I32_GE_U,
  I32_MUL,
  I32_AND,
  I32_GT_U,
  F64_ADD,
  F64_PROMOTE_F32,
  BLOCK,
  LOOP,
  END,
  BR,
  BR_IF,
  simd,
  V128_ZERO,
  F32X4_ADD,
  F32X4_MUL,
  F32X4_EXTRACT_LANE,
  F64X2_ADD,
  F64X2_MUL,
  I32T,
  F64T,
  V128T,
} from '../kernels/wasm/wasm-encoding.js';

const V128_LOAD = [...simd(0x00), 4, 0]; // align 16, offset 0
const V128_STORE = [...simd(0x0b), 4, 0];
/** v128.load64_zero (align 8) at a constant byte offset: two float32 in the low lanes. */
const V128_LOAD64_ZERO = (offset: number) => [...simd(0x5d), 3, ...uleb(offset)];
const V128_LOAD_AT = (offset: number) => [...simd(0x00), 4, ...uleb(offset)];
const V128_STORE_AT = (offset: number) => [...simd(0x0b), 4, ...uleb(offset)];
const F64X2_PROMOTE_LOW = simd(0x5f);

/** Rows colsum adds per pass over the sums (a power of two). */
const UNROLL = 8;

/** colsum(x=0, rows=1, rowBytes=2, out=3, widthBytes=4); locals p=5, end=6, j=7, endU=8, q=9 (i32), v=10 (v128). */
function colsum(): number[] {
  const [X, ROWS, RB, OUT, WB, P, E, J, EU, Q, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  // v = v + x[q]; q += rowBytes
  const addRow = [...get(V), ...get(Q), ...V128_LOAD, ...F32X4_ADD, ...set(V), ...get(Q), ...get(RB), ...I32_ADD, ...set(Q)];
  return [
    ...vec([
      [5, I32T],
      [1, V128T],
    ]),
    // out = 0
    ...i32(0),
    ...set(J),
    ...BLOCK,
    ...LOOP,
    ...get(J),
    ...get(WB),
    ...I32_GE_U,
    ...BR_IF(1),
    ...get(OUT),
    ...get(J),
    ...I32_ADD,
    ...V128_ZERO,
    ...V128_STORE,
    ...get(J),
    ...i32(16),
    ...I32_ADD,
    ...set(J),
    ...BR(0),
    ...END,
    ...END,
    // p = x; end = x + rows * rowBytes; end8 = x + (rows & -UNROLL) * rowBytes
    ...get(X),
    ...set(P),
    ...get(X),
    ...get(ROWS),
    ...get(RB),
    ...I32_MUL,
    ...I32_ADD,
    ...set(E),
    ...get(X),
    ...get(ROWS),
    ...i32(-UNROLL),
    ...I32_AND,
    ...get(RB),
    ...I32_MUL,
    ...I32_ADD,
    ...set(EU),
    // UNROLL rows per pass: out[j] = ((out[j] + x[p, j]) + x[p + 1, j]) + … + x[p + UNROLL - 1, j]
    ...BLOCK,
    ...LOOP,
    ...get(P),
    ...get(EU),
    ...I32_GE_U,
    ...BR_IF(1),
    ...i32(0),
    ...set(J),
    ...BLOCK,
    ...LOOP,
    ...get(J),
    ...get(WB),
    ...I32_GE_U,
    ...BR_IF(1),
    ...get(OUT),
    ...get(J),
    ...I32_ADD,
    ...V128_LOAD,
    ...set(V),
    ...get(P),
    ...get(J),
    ...I32_ADD,
    ...set(Q),
    ...Array.from({ length: UNROLL }, () => addRow).flat(),
    ...get(OUT),
    ...get(J),
    ...I32_ADD,
    ...get(V),
    ...V128_STORE,
    ...get(J),
    ...i32(16),
    ...I32_ADD,
    ...set(J),
    ...BR(0),
    ...END,
    ...END,
    ...get(P),
    ...get(RB),
    ...i32(UNROLL),
    ...I32_MUL,
    ...I32_ADD,
    ...set(P),
    ...BR(0),
    ...END,
    ...END,
    // the remaining rows one at a time
    ...BLOCK,
    ...LOOP,
    ...get(P),
    ...get(E),
    ...I32_GE_U,
    ...BR_IF(1),
    ...i32(0),
    ...set(J),
    ...BLOCK,
    ...LOOP,
    ...get(J),
    ...get(WB),
    ...I32_GE_U,
    ...BR_IF(1),
    // out[j] = out[j] + x[p + j]
    ...get(OUT),
    ...get(J),
    ...I32_ADD,
    ...get(OUT),
    ...get(J),
    ...I32_ADD,
    ...V128_LOAD,
    ...get(P),
    ...get(J),
    ...I32_ADD,
    ...V128_LOAD,
    ...F32X4_ADD,
    ...V128_STORE,
    ...get(J),
    ...i32(16),
    ...I32_ADD,
    ...set(J),
    ...BR(0),
    ...END,
    ...END,
    ...get(P),
    ...get(RB),
    ...I32_ADD,
    ...set(P),
    ...BR(0),
    ...END,
    ...END,
    ...END,
  ];
}

/** dot(a=0, b=1, nBytes=2) -> f64; locals k=3 (i32), acc0=4, acc1=5 (v128). */
function dot(): number[] {
  const [A, B, N, K, A0, A1] = [0, 1, 2, 3, 4, 5];
  const mulAt = (off: number) => [
    ...get(A),
    ...get(K),
    ...I32_ADD,
    ...(off ? [...i32(off), ...I32_ADD] : []),
    ...V128_LOAD,
    ...get(B),
    ...get(K),
    ...I32_ADD,
    ...(off ? [...i32(off), ...I32_ADD] : []),
    ...V128_LOAD,
    ...F32X4_MUL,
  ];
  const lanes = (acc: number) => [0, 1, 2, 3].flatMap((l) => [...get(acc), ...F32X4_EXTRACT_LANE(l), ...F64_PROMOTE_F32]);
  return [
    ...vec([
      [1, I32T],
      [2, V128T],
    ]),
    ...V128_ZERO,
    ...set(A0),
    ...V128_ZERO,
    ...set(A1),
    ...i32(0),
    ...set(K),
    // while (k + 32 <= n): two vectors
    ...BLOCK,
    ...LOOP,
    ...get(K),
    ...i32(32),
    ...I32_ADD,
    ...get(N),
    ...I32_GT_U,
    ...BR_IF(1),
    ...get(A0),
    ...mulAt(0),
    ...F32X4_ADD,
    ...set(A0),
    ...get(A1),
    ...mulAt(16),
    ...F32X4_ADD,
    ...set(A1),
    ...get(K),
    ...i32(32),
    ...I32_ADD,
    ...set(K),
    ...BR(0),
    ...END,
    ...END,
    // one more vector if 16 bytes are left
    ...BLOCK,
    ...get(K),
    ...get(N),
    ...I32_GE_U,
    ...BR_IF(0),
    ...get(A0),
    ...mulAt(0),
    ...F32X4_ADD,
    ...set(A0),
    ...END,
    // (lanes of acc0 in order) + (lanes of acc1 in order), in float64
    ...lanes(A0),
    ...F64_ADD,
    ...F64_ADD,
    ...F64_ADD,
    ...lanes(A1),
    ...F64_ADD,
    ...F64_ADD,
    ...F64_ADD,
    ...F64_ADD,
    ...END,
  ];
}

/** dot64(a=0, b=1, nBytes=2, acc=3); locals k=4 (i32), s01=5, s23=6 (v128: f64 lanes s0 s1, s2 s3). */
function dot64(): number[] {
  const [A, B, N, ACC, K, S01, S23] = [0, 1, 2, 3, 4, 5, 6];
  // s += promote(a[k + off..]) * promote(b[k + off..]) for the two float32 at byte offset off
  const madd = (s: number, off: number) => [
    ...get(s),
    ...get(A),
    ...get(K),
    ...I32_ADD,
    ...V128_LOAD64_ZERO(off),
    ...F64X2_PROMOTE_LOW,
    ...get(B),
    ...get(K),
    ...I32_ADD,
    ...V128_LOAD64_ZERO(off),
    ...F64X2_PROMOTE_LOW,
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...set(s),
  ];
  return [
    ...vec([
      [1, I32T],
      [2, V128T],
    ]),
    ...get(ACC),
    ...V128_LOAD_AT(0),
    ...set(S01),
    ...get(ACC),
    ...V128_LOAD_AT(16),
    ...set(S23),
    ...i32(0),
    ...set(K),
    ...BLOCK,
    ...LOOP,
    ...get(K),
    ...get(N),
    ...I32_GE_U,
    ...BR_IF(1),
    ...madd(S01, 0),
    ...madd(S23, 8),
    ...get(K),
    ...i32(16),
    ...I32_ADD,
    ...set(K),
    ...BR(0),
    ...END,
    ...END,
    ...get(ACC),
    ...get(S01),
    ...V128_STORE_AT(0),
    ...get(ACC),
    ...get(S23),
    ...V128_STORE_AT(16),
    ...END,
  ];
}

/** colsum64(x=0, rows=1, rowBytes=2, acc=3); locals j=4, q=5, end=6 (i32), a0=7, a1=8 (v128: f64 sums of 4 columns). */
function colsum64(): number[] {
  const [X, ROWS, RB, ACC, J, Q, E, A0, A1] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const accAt = [...get(ACC), ...get(J), ...get(J), ...I32_ADD, ...I32_ADD]; // acc + 2 j (8 bytes per 4-byte column)
  return [
    ...vec([
      [3, I32T],
      [2, V128T],
    ]),
    ...i32(0),
    ...set(J),
    ...BLOCK,
    ...LOOP,
    ...get(J),
    ...get(RB),
    ...I32_GE_U,
    ...BR_IF(1),
    ...accAt,
    ...V128_LOAD_AT(0),
    ...set(A0),
    ...accAt,
    ...V128_LOAD_AT(16),
    ...set(A1),
    // q = x + j; end = q + rows * rowBytes; down the column block in row order
    ...get(X),
    ...get(J),
    ...I32_ADD,
    ...set(Q),
    ...get(Q),
    ...get(ROWS),
    ...get(RB),
    ...I32_MUL,
    ...I32_ADD,
    ...set(E),
    ...BLOCK,
    ...LOOP,
    ...get(Q),
    ...get(E),
    ...I32_GE_U,
    ...BR_IF(1),
    ...get(A0),
    ...get(Q),
    ...V128_LOAD64_ZERO(0),
    ...F64X2_PROMOTE_LOW,
    ...F64X2_ADD,
    ...set(A0),
    ...get(A1),
    ...get(Q),
    ...V128_LOAD64_ZERO(8),
    ...F64X2_PROMOTE_LOW,
    ...F64X2_ADD,
    ...set(A1),
    ...get(Q),
    ...get(RB),
    ...I32_ADD,
    ...set(Q),
    ...BR(0),
    ...END,
    ...END,
    ...accAt,
    ...get(A0),
    ...V128_STORE_AT(0),
    ...accAt,
    ...get(A1),
    ...V128_STORE_AT(16),
    ...get(J),
    ...i32(16),
    ...I32_ADD,
    ...set(J),
    ...BR(0),
    ...END,
    ...END,
    ...END,
  ];
}

/**
 * The module's bytes: imports memory e.m; exports colsum, dot, dot64 and colsum64.
 * With `sharedPages` the memory imported is a shared one of exactly that many
 * 64 KiB pages (a `WebAssembly.Memory({ initial, maximum, shared: true })`,
 * over a SharedArrayBuffer, that threads can use at once).
 */
export function simdLoopsModuleBytes(sharedPages?: number): Uint8Array<ArrayBuffer> {
  const types = section(
    1,
    vec([
      [0x60, ...vec([[I32T], [I32T], [I32T], [I32T]]), ...vec([])],
      [0x60, ...vec([[I32T], [I32T], [I32T]]), ...vec([[F64T]])],
      [0x60, ...vec([[I32T], [I32T], [I32T], [I32T], [I32T]]), ...vec([])],
    ]),
  );
  const limits = sharedPages === undefined ? [0x00, 0x00] : [0x03, ...uleb(sharedPages), ...uleb(sharedPages)];
  const imports = section(2, vec([[...name('e'), ...name('m'), 0x02, ...limits]]));
  const funcs = section(3, vec([[2], [1], [0], [0]]));
  const exports = section(
    7,
    vec([
      [...name('colsum'), 0x00, 0],
      [...name('dot'), 0x00, 1],
      [...name('dot64'), 0x00, 2],
      [...name('colsum64'), 0x00, 3],
    ]),
  );
  const bodies = [colsum(), dot(), dot64(), colsum64()].map((code) => [...uleb(code.length), ...code]);
  const codeSec = section(10, vec(bodies));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exports, ...codeSec]);
}
