/**
 * @internal The bytes of a tiny WebAssembly SIMD module for memory-bound
 * loops, assembled here from its instructions (no build step, no binary
 * blob; encoding helpers in kernels/wasm/wasm-encoding.ts). It
 * imports its memory as e.m and exports, with byte offsets as arguments:
 *
 *   colsum(x, rows, rowBytes, out)   out[j] = Σ_i x[i, j], float32 accumulation in row order,
 *                                    four columns per instruction (rowBytes a multiple of 16)
 *   dot(a, b, nBytes) -> f64         Σ_k a[k] b[k] over nBytes (a multiple of 16): float32
 *                                    products summed in two f32x4 accumulators (lanes k mod 8),
 *                                    whose 8 lanes are added in float64 at the end
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
  BLOCK_,
  LOOP,
  END,
  BR,
  BR_IF,
  simd,
  F32X4_ADD,
  F32X4_MUL,
} from '../kernels/wasm/wasm-encoding.js';

const I32_MUL = [0x6c];
const I32_GT_U = [0x4b];
const F64_ADD = [0xa0];
const F64_PROMOTE_F32 = [0xbb];
const V128_LOAD = [...simd(0x00), 4, 0]; // align 16, offset 0
const V128_STORE = [...simd(0x0b), 4, 0];
const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const F32X4_EXTRACT = (lane: number) => [...simd(0x1f), lane];
const I32T = 0x7f;
const F64T = 0x7c;
const V128T = 0x7b;

/** colsum(x=0, rows=1, rowBytes=2, out=3); locals p=4, end=5, j=6. */
function colsum(): number[] {
  const [X, ROWS, RB, OUT, P, E, J] = [0, 1, 2, 3, 4, 5, 6];
  return [
    ...vec([[3, I32T]]),
    // out = 0
    ...i32(0),
    ...set(J),
    ...BLOCK_,
    ...LOOP,
    ...get(J),
    ...get(RB),
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
    // p = x; end = x + rows * rowBytes
    ...get(X),
    ...set(P),
    ...get(X),
    ...get(ROWS),
    ...get(RB),
    ...I32_MUL,
    ...I32_ADD,
    ...set(E),
    ...BLOCK_,
    ...LOOP,
    ...get(P),
    ...get(E),
    ...I32_GE_U,
    ...BR_IF(1),
    ...i32(0),
    ...set(J),
    ...BLOCK_,
    ...LOOP,
    ...get(J),
    ...get(RB),
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
  const lanes = (acc: number) => [0, 1, 2, 3].flatMap((l) => [...get(acc), ...F32X4_EXTRACT(l), ...F64_PROMOTE_F32]);
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
    ...BLOCK_,
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
    ...BLOCK_,
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

/** The module's bytes: imports memory e.m; exports colsum and dot. */
export function simdLoopsModuleBytes(): Uint8Array<ArrayBuffer> {
  const types = section(
    1,
    vec([
      [0x60, ...vec([[I32T], [I32T], [I32T], [I32T]]), ...vec([])],
      [0x60, ...vec([[I32T], [I32T], [I32T]]), ...vec([[F64T]])],
    ]),
  );
  const imports = section(2, vec([[...name('e'), ...name('m'), 0x02, 0x00, 0x00]]));
  const funcs = section(3, vec([[0], [1]]));
  const exports = section(
    7,
    vec([
      [...name('colsum'), 0x00, 0],
      [...name('dot'), 0x00, 1],
    ]),
  );
  const bodies = [colsum(), dot()].map((code) => [...uleb(code.length), ...code]);
  const codeSec = section(10, vec(bodies));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exports, ...codeSec]);
}
