/**
 * `@neurite/tensor/wasm-encoding`: the WebAssembly binary encoder Neurite's SIMD kernels are
 * assembled with (no build step, no binary blob): LEB128 integers, vectors, sections, names,
 * value types, control and memory instructions, the common i32/f32/f64 and SIMD opcodes, and
 * {@link moduleBytes} for a module that imports its memory as `e.m`. Pure functions and
 * constants; importing it has no side effects.
 *
 * @example
 * ```ts
 * import { I32T, I32_ADD, get, moduleBytes } from '@neurite/tensor/wasm-encoding';
 *
 * const bytes = moduleBytes([{ name: 'add', params: [I32T, I32T], results: [I32T], locals: [], body: [...get(0), ...get(1), ...I32_ADD] }]);
 * const { add } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: new WebAssembly.Memory({ initial: 0 }) } }).exports;
 * ```
 *
 * @module
 */
export {
  uleb,
  sleb,
  vec,
  section,
  name,
  I32T,
  F32T,
  F64T,
  V128T,
  get,
  set,
  tee,
  i32,
  f32,
  f64,
  BLOCK,
  LOOP,
  IF,
  END,
  BR,
  BR_IF,
  mem,
  I32_LOAD,
  I32_STORE,
  F32_LOAD,
  F32_STORE,
  F64_LOAD,
  F64_STORE,
  I32_EQZ,
  I32_LT_U,
  I32_GT_U,
  I32_GE_U,
  I32_ADD,
  I32_SUB,
  I32_MUL,
  I32_AND,
  I32_SHL,
  I32_SHR_U,
  F32_NE,
  F32_ADD,
  F32_SUB,
  F32_MUL,
  F32_MIN,
  F32_MAX,
  F64_ADD,
  F64_MUL,
  F64_PROMOTE_F32,
  simd,
  V128_ZERO,
  F32X4_SPLAT,
  F32X4_EXTRACT_LANE,
  V128_AND,
  F32X4_ADD,
  F32X4_SUB,
  F32X4_MUL,
  F64X2_ADD,
  F64X2_MUL,
  moduleBytes,
} from './kernels/wasm/wasm-encoding.js';
export type { WasmFunction } from './kernels/wasm/wasm-encoding.js';
