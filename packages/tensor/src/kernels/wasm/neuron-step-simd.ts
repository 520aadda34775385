/**
 * @internal The NeuronStep loop as a tiny WebAssembly SIMD module that
 * imports the tfjs wasm backend's own memory, so it runs on the tensors
 * where they lie (no copies), four neurons per instruction.
 *
 * The module is assembled here from its instructions (no build step, no
 * binary blob), one per set of FLAG_* bits (which terms are present, which
 * reset), so the loop has no branch but its own. It exports one function
 *
 *   step(x, v, i, z, vOut, iOut, aV, bV, cV, kV, aI, bI, threshold, vReset,
 *        sizeBytes, blockBytes)
 *
 * whose arguments are byte offsets in the heap (coefficients: one block of
 * `blockBytes`, repeated over the data; absent ones are ignored), the data
 * length and the block length (a multiple of 16 bytes: four float32). Per
 * group of four neurons it computes, in float32 and
 * in this order (the order of the composed tfjs ops, so the results are
 * bitwise theirs):
 *
 *   iOut = i·aI + (bI ? x·bI : x)                                  (FLAG_CURRENT)
 *   nv   = v; nv = nv·aV; nv = nv + (bV ? x·bV : x); nv = nv + i·cV; nv = nv + kV
 *   z    = (nv > threshold) ? 1 : 0                                (FLAG_SPIKING)
 *   vOut = nv − z·threshold | nv + z·(vReset − nv) | nv − z·nv    (subtract | to v_reset | zero)
 *
 * Returns null where it cannot run (no WebAssembly SIMD, a shared or
 * unreachable memory): the caller then uses the JS loop.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  get,
  set,
  tee,
  i32,
  I32_ADD,
  I32_GE_U,
  BLOCK as BLOCK_,
  LOOP,
  END,
  BR,
  BR_IF,
  simd,
  F32X4_ADD,
  F32X4_MUL,
  F32X4_SPLAT,
  F32X4_SUB,
  V128_AND,
  I32T,
  V128T,
  moduleBytes,
} from './wasm-encoding.js';

export const FLAG_AV = 1;
export const FLAG_BV = 2;
export const FLAG_CV = 4;
export const FLAG_KV = 8;
export const FLAG_CURRENT = 16;
export const FLAG_BI = 32;
export const FLAG_SPIKING = 64;
export const FLAG_SUBTRACT = 128;
export const FLAG_TO_V_RESET = 256;

export type NeuronStepSimd = (
  x: number,
  v: number,
  i: number,
  z: number,
  vOut: number,
  iOut: number,
  aV: number,
  bV: number,
  cV: number,
  kV: number,
  aI: number,
  bI: number,
  threshold: number,
  vReset: number,
  sizeBytes: number,
  blockBytes: number,
) => void;

// Parameter and local indices of `step`.
const X = 0,
  V = 1,
  I = 2,
  Z = 3,
  VOUT = 4,
  IOUT = 5,
  AV = 6,
  BV = 7,
  CV = 8,
  KV = 9,
  AI = 10,
  BI = 11,
  TH = 12,
  VR = 13;
const SIZE = 14,
  BLOCK = 15;
const O = 16,
  J = 17,
  K = 18; // i32 locals: row offset, column offset, element offset (bytes)
const NV = 19,
  XK = 20,
  ONE = 21,
  ZZ = 22,
  THK = 23; // v128 locals

const V128_LOAD = [...simd(0x00), 0, 0]; // align 1, offset 0
const V128_STORE = [...simd(0x0b), 0, 0];
const F32X4_GT = simd(0x44);
const F32_ONE = [0x43, 0x00, 0x00, 0x80, 0x3f];

/** Load four floats of a data array (at element offset K) / of a coefficient (at column offset J). */
const data = (p: number) => [...get(p), ...get(K), ...I32_ADD, ...V128_LOAD];
const coef = (p: number) => [...get(p), ...get(J), ...I32_ADD, ...V128_LOAD];
const storeAt = (p: number, value: number[]) => [...get(p), ...get(K), ...I32_ADD, ...value, ...V128_STORE];

/** The loop with the terms of `flags` only, without the function's final END (the flags are fixed per module: no branch in the loop). */
function body(flags: number): number[] {
  const has = (bit: number) => (flags & bit) !== 0;
  const then = (bit: number, code: number[]) => (has(bit) ? code : []);
  // x·bV or x; x·bI or x
  const xTimes = (bit: number, p: number) => (has(bit) ? [...get(XK), ...coef(p), ...F32X4_MUL] : get(XK));
  let reset: number[];
  if (has(FLAG_SUBTRACT)) reset = [...get(NV), ...get(ZZ), ...get(THK), ...F32X4_MUL, ...F32X4_SUB, ...set(NV)];
  else if (has(FLAG_TO_V_RESET))
    reset = [...get(NV), ...get(ZZ), ...coef(VR), ...get(NV), ...F32X4_SUB, ...F32X4_MUL, ...F32X4_ADD, ...set(NV)];
  else reset = [...get(NV), ...get(ZZ), ...get(NV), ...F32X4_MUL, ...F32X4_SUB, ...set(NV)];
  return [
    ...F32_ONE,
    ...F32X4_SPLAT,
    ...set(ONE),
    ...BLOCK_,
    ...LOOP, // rows
    ...get(O),
    ...get(SIZE),
    ...I32_GE_U,
    ...BR_IF(1),
    ...i32(0),
    ...set(J),
    ...BLOCK_,
    ...LOOP, // columns, four at a time
    ...get(J),
    ...get(BLOCK),
    ...I32_GE_U,
    ...BR_IF(1),
    ...get(O),
    ...get(J),
    ...I32_ADD,
    ...set(K),
    ...data(X),
    ...set(XK),
    // iOut = i·aI + (bI ? x·bI : x)
    ...then(FLAG_CURRENT, storeAt(IOUT, [...data(I), ...coef(AI), ...F32X4_MUL, ...xTimes(FLAG_BI, BI), ...F32X4_ADD])),
    // nv = v·aV + (bV ? x·bV : x) + i·cV + kV
    ...data(V),
    ...then(FLAG_AV, [...coef(AV), ...F32X4_MUL]),
    ...xTimes(FLAG_BV, BV),
    ...F32X4_ADD,
    ...then(FLAG_CV, [...data(I), ...coef(CV), ...F32X4_MUL, ...F32X4_ADD]),
    ...then(FLAG_KV, [...coef(KV), ...F32X4_ADD]),
    ...set(NV),
    // z = nv > threshold; reset
    ...then(FLAG_SPIKING, [
      ...coef(TH),
      ...set(THK),
      ...storeAt(Z, [...get(NV), ...get(THK), ...F32X4_GT, ...get(ONE), ...V128_AND, ...tee(ZZ)]),
      ...reset,
    ]),
    ...storeAt(VOUT, get(NV)),
    ...get(J),
    ...i32(16),
    ...I32_ADD,
    ...set(J),
    ...BR(0),
    ...END,
    ...END,
    ...get(O),
    ...get(BLOCK),
    ...I32_ADD,
    ...set(O),
    ...BR(0),
    ...END,
    ...END,
  ];
}

/** The module's bytes for one set of FLAG_* bits: imports memory e.m, exports `step`. */
export function neuronStepModuleBytes(flags: number): Uint8Array<ArrayBuffer> {
  return moduleBytes([
    {
      name: 'step',
      params: new Array<number>(16).fill(I32T),
      results: [],
      locals: [
        [3, I32T],
        [5, V128T],
      ],
      body: body(flags),
    },
  ]);
}

/** Compiled modules by flags (null: this engine has no WebAssembly SIMD). */
const compiled = new Map<number, WebAssembly.Module | null>();
/** Instances by memory, then by flags. */
const instances = new WeakMap<WebAssembly.Memory, Map<number, NeuronStepSimd>>();

/**
 * `step` for the terms in `flags`, bound to this backend's memory, or null
 * where SIMD or the memory is unavailable. Modules are compiled once per
 * flag set (a few hundred bytes each; synchronous compilation is allowed for
 * modules this small on a browser's main thread).
 */
export function neuronStepSimd(backend: BackendWasm, flags: number): NeuronStepSimd | null {
  const memory = (backend.wasm as unknown as { asm?: { memory?: unknown } }).asm?.memory;
  if (typeof WebAssembly === 'undefined' || !(memory instanceof WebAssembly.Memory)) return null;
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
  let byFlags = instances.get(memory);
  const known = byFlags?.get(flags);
  if (known) return known;
  let module = compiled.get(flags);
  if (module === undefined) {
    const bytes = neuronStepModuleBytes(flags);
    module = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    compiled.set(flags, module);
  }
  if (module === null) return null;
  const step = new WebAssembly.Instance(module, { e: { m: memory } }).exports.step as NeuronStepSimd;
  if (!byFlags) {
    byFlags = new Map();
    instances.set(memory, byFlags);
  }
  byFlags.set(flags, step);
  return step;
}
