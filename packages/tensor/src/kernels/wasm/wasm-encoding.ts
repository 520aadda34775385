/**
 * Encoding of WebAssembly binary modules (WebAssembly Core Specification 2.0, chapter 5 "Binary
 * Format", plus the fixed-width SIMD proposal) for the kernels Neurite assembles from their
 * instructions: LEB128 integers, vectors, sections, names, value types, the instructions the
 * kernels share, and a module builder. Instructions are arrays of bytes, concatenated with
 * spread (`[...get(0), ...i32(4), ...I32_ADD, ...set(0)]`).
 *
 * @module
 */

/** Unsigned LEB128 encoding of the non-negative integer `n` (< 2³²): 7 bits per byte, low bits first. */
export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
/** Signed LEB128 encoding of the 32-bit integer `n` (two's complement, sign-extended from the last byte's bit 6). */
export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
/** A vector: its length (uleb) followed by its encoded items. */
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** A section: its id byte, its body's length in bytes (uleb), the body (ids: 1 type, 2 import, 3 function, 7 export, 10 code). */
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
/** A name: its length (uleb) and its characters (ASCII only: one byte each). */
export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** Value type i32. */
export const I32T = 0x7f;
/** Value type f32. */
export const F32T = 0x7d;
/** Value type f64. */
export const F64T = 0x7c;
/** Value type v128 (SIMD). */
export const V128T = 0x7b;

/** `local.get l`: pushes local `l` (parameters first, then declared locals). */
export const get = (l: number): number[] => [0x20, ...uleb(l)];
/** `local.set l`: pops into local `l`. */
export const set = (l: number): number[] => [0x21, ...uleb(l)];
/** `local.tee l`: stores the top of the stack into local `l` and keeps it. */
export const tee = (l: number): number[] => [0x22, ...uleb(l)];
/** `i32.const n` (signed LEB128). */
export const i32 = (n: number): number[] => [0x41, ...sleb(n)];
/** `f32.const x`: `x` rounded to float32, 4 little-endian bytes. */
export const f32 = (x: number): number[] => [0x43, ...new Uint8Array(Float32Array.of(x).buffer)];
/** `f64.const x`: 8 little-endian bytes. */
export const f64 = (x: number): number[] => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];

/** `block` with no result (closed by {@link END}; `br` to it leaves it). */
export const BLOCK = [0x02, 0x40];
/** `loop` with no result (closed by {@link END}; `br` to it starts it again). */
export const LOOP = [0x03, 0x40];
/** `if` with no result: runs up to {@link END} when the popped i32 is non-zero. */
export const IF = [0x04, 0x40];
/** `end` of a block, loop, if or function body. */
export const END = [0x0b];
/** `br d`: branch to the d-th enclosing block or loop (0: the innermost). */
export const BR = (d: number): number[] => [0x0c, ...uleb(d)];
/** `br_if d`: branch to the d-th enclosing block or loop when the popped i32 is non-zero. */
export const BR_IF = (d: number): number[] => [0x0d, ...uleb(d)];

/**
 * A memory access instruction builder: `mem(op, align)(offset)` is `op` followed by its memarg,
 * the alignment exponent `align` (a hint: 2^align bytes) and the constant byte `offset` (uleb, default 0)
 * added to the popped address.
 */
export const mem =
  (op: number[], align: number) =>
  (offset = 0): number[] => [...op, align, ...uleb(offset)];
/** `i32.load` (align 4) at a constant byte offset. */
export const I32_LOAD = mem([0x28], 2);
/** `i32.store` (align 4) at a constant byte offset. */
export const I32_STORE = mem([0x36], 2);
/** `f32.load` (align 4) at a constant byte offset. */
export const F32_LOAD = mem([0x2a], 2);
/** `f32.store` (align 4) at a constant byte offset. */
export const F32_STORE = mem([0x38], 2);
/** `f64.load` (align 8) at a constant byte offset. */
export const F64_LOAD = mem([0x2b], 3);
/** `f64.store` (align 8) at a constant byte offset. */
export const F64_STORE = mem([0x39], 3);

/** `i32.eqz`: 1 when the popped i32 is 0. */
export const I32_EQZ = [0x45];
/** `i32.lt_u`: unsigned a < b. */
export const I32_LT_U = [0x49];
/** `i32.gt_u`: unsigned a > b. */
export const I32_GT_U = [0x4b];
/** `i32.ge_u`: unsigned a ≥ b. */
export const I32_GE_U = [0x4f];
/** `i32.add` (modulo 2³²). */
export const I32_ADD = [0x6a];
/** `i32.sub` (modulo 2³²). */
export const I32_SUB = [0x6b];
/** `i32.mul` (modulo 2³²). */
export const I32_MUL = [0x6c];
/** `i32.and` (bitwise). */
export const I32_AND = [0x71];
/** `i32.shl`: a << (b mod 32). */
export const I32_SHL = [0x74];
/** `i32.shr_u`: a >>> (b mod 32). */
export const I32_SHR_U = [0x76];
/** `f32.ne`: 1 when a ≠ b (also when either is NaN). */
export const F32_NE = [0x5c];
/** `f32.add`, rounded to float32. */
export const F32_ADD = [0x92];
/** `f32.sub`, rounded to float32. */
export const F32_SUB = [0x93];
/** `f32.mul`, rounded to float32. */
export const F32_MUL = [0x94];
/** `f32.min` (NaN if either is NaN; −0 < +0). */
export const F32_MIN = [0x96];
/** `f32.max` (NaN if either is NaN; −0 < +0). */
export const F32_MAX = [0x97];
/** `f64.add`. */
export const F64_ADD = [0xa0];
/** `f64.mul`. */
export const F64_MUL = [0xa2];
/** `f64.promote_f32`: the popped float32 as float64 (exact). */
export const F64_PROMOTE_F32 = [0xbb];

/** A SIMD instruction: the 0xfd prefix and its opcode (uleb). */
export const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** `v128.const 0`: a vector of zeros. */
export const V128_ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
/** `f32x4.splat`: the popped f32 in all four lanes. */
export const F32X4_SPLAT = simd(0x13);
/** `f32x4.extract_lane lane`: lane `lane` (0–3) of the popped vector, as f32. */
export const F32X4_EXTRACT_LANE = (lane: number): number[] => [...simd(0x1f), lane];
/** `v128.and` (bitwise). */
export const V128_AND = simd(0x4e);
/** `f32x4.add`, lane-wise, rounded to float32. */
export const F32X4_ADD = simd(0xe4);
/** `f32x4.sub`, lane-wise, rounded to float32. */
export const F32X4_SUB = simd(0xe5);
/** `f32x4.mul`, lane-wise, rounded to float32. */
export const F32X4_MUL = simd(0xe6);
/** `f64x2.add`, lane-wise. */
export const F64X2_ADD = simd(0xf0);
/** `f64x2.mul`, lane-wise. */
export const F64X2_MUL = simd(0xf2);

/** One function of {@link moduleBytes}: its export name, parameter and result types, locals and body. */
export interface WasmFunction {
  /** The name it is exported under. */
  name: string;
  /** Parameter value types ({@link I32T}, {@link F32T}, {@link F64T}, {@link V128T}). */
  params: number[];
  /** Result value types. */
  results: number[];
  /** Declared locals as [count, value type] runs, numbered after the parameters. */
  locals: Array<[number, number]>;
  /** The instructions, without the final {@link END} (added). */
  body: number[];
}

/**
 * A module that imports its memory as `e.m` (no minimum size, no maximum) and exports the given
 * functions under their names, function i with type i: the bytes for `new WebAssembly.Module`.
 */
export function moduleBytes(funcs: WasmFunction[]): Uint8Array<ArrayBuffer> {
  const types = section(1, vec(funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])));
  const imports = section(2, vec([[...name('e'), ...name('m'), 0x02, 0x00, 0x00]]));
  const fsec = section(3, vec(funcs.map((_, i) => uleb(i))));
  const exports = section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])));
  const code = section(
    10,
    vec(
      funcs.map((f) => {
        const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body, ...END];
        return [...uleb(body.length), ...body];
      }),
    ),
  );
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...fsec, ...exports, ...code]);
}
