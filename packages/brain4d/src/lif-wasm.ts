/**
 * @internal The exact current-based LIF update of {@link lifKernel} as a WebAssembly SIMD
 * loop, two neurons per instruction in float64. WebAssembly float64 arithmetic is IEEE 754
 * double, the same as JavaScript's, and the loop evaluates the same expressions in the same
 * order, so its spikes and state are bitwise those of the JavaScript loop. At step t:
 *
 *   ge, gi ← G;  G ← ge·De, gi·Di
 *   active = last ≤ t − n_ref                      (last: step of the neuron's last spike)
 *   v' = ((b + (v − b)·P) + ge·Pe) + gi·Pi
 *   v ← active ? v' : v
 *   if active ∧ v' > v_th: append the index, v ← v_reset, last ← t
 *
 * The spike branch is taken for the rare pairs with a spike; the indices are appended,
 * ascending, to an Int32 list in the same memory. The module imports its memory as e.m and
 * exports two functions of the same signature:
 *
 *   lif(g0, g1, v, last, b, bytes, out, count, first, consts, t, tRef) → count   (b: per-neuron drive)
 *   lifUniform(…)                                                             (b: the constant consts[8])
 *
 * (byte offsets; `bytes` = 16 × number of neuron pairs; `first` the global index of the first
 * neuron; consts the float64 block P, Pe, Pi, De, Di, v_th, v_reset, (unused), b; t the step and
 * tRef = t − n_ref as float64; returns the new spike count). An odd last neuron is the caller's.
 */
import {
  BLOCK,
  BR,
  BR_IF,
  END,
  F64_LOAD,
  F64_STORE,
  F64T,
  F64X2_ADD,
  F64X2_MUL,
  I32_ADD,
  I32_AND,
  I32_GT_U,
  I32_SHL,
  I32_SHR_U,
  I32_STORE,
  I32T,
  IF,
  LOOP,
  V128_AND,
  V128T,
  get,
  i32,
  mem,
  moduleBytes,
  set,
  simd,
  tee,
} from '@neurite/tensor/wasm-encoding';

// The SIMD instructions only this loop uses (v128 loads and stores hint 8-byte alignment).
const V128_LOAD = mem(simd(0x00), 3);
const V128_STORE = mem(simd(0x0b), 3);
const F64X2_SPLAT = simd(0x14);
const F64X2_GT = simd(0x4a);
const F64X2_LE = simd(0x4b);
const V128_BITSELECT = simd(0x52);
const V128_ANY_TRUE = simd(0x53);
const I64X2_BITMASK = simd(0xc4);
const F64X2_SUB = simd(0xf1);

// Parameters.
const G0 = 0,
  G1 = 1,
  VV = 2,
  LL = 3,
  BB = 4,
  BYTES = 5,
  OUT = 6,
  COUNT = 7,
  FIRST = 8,
  CONSTS = 9,
  T = 10,
  TREF = 11;
// Locals.
const K = 12,
  BITS = 13,
  ADDR = 14;
const P = 15,
  PE = 16,
  PI = 17,
  DE = 18,
  DI = 19,
  VTH = 20,
  TR = 21,
  BC = 22,
  GE = 23,
  GI = 24,
  ACT = 25,
  VO = 26,
  VN = 27,
  SP = 28,
  B = 29;

const at = (p: number) => [...get(p), ...get(K), ...I32_ADD];

/** Lane `lane` of the pair at byte k + o spiked: append first + (k + o)/8 + lane, v ← v_reset, last ← t. */
const emit = (lane: number, o: number) => [
  ...get(BITS),
  ...i32(1 << lane),
  ...I32_AND,
  ...IF,
  ...get(OUT),
  ...get(COUNT),
  ...i32(2),
  ...I32_SHL,
  ...I32_ADD,
  ...get(FIRST),
  ...get(K),
  ...i32(3),
  ...I32_SHR_U,
  ...I32_ADD,
  ...(o / 8 + lane ? [...i32(o / 8 + lane), ...I32_ADD] : []),
  ...I32_STORE(),
  ...get(COUNT),
  ...i32(1),
  ...I32_ADD,
  ...set(COUNT),
  ...at(VV),
  ...get(CONSTS),
  ...F64_LOAD(48),
  ...F64_STORE(o + 8 * lane),
  ...at(LL),
  ...get(T),
  ...F64_STORE(o + 8 * lane),
  ...END,
];

/** The update of the neuron pair at byte k + o. */
function pair(o: number, uniform: boolean): number[] {
  return [
    // ge, gi; decay them in place
    ...at(G0),
    ...tee(ADDR),
    ...get(ADDR),
    ...V128_LOAD(o),
    ...tee(GE),
    ...get(DE),
    ...F64X2_MUL,
    ...V128_STORE(o),
    ...at(G1),
    ...tee(ADDR),
    ...get(ADDR),
    ...V128_LOAD(o),
    ...tee(GI),
    ...get(DI),
    ...F64X2_MUL,
    ...V128_STORE(o),
    // active = last ≤ t − n_ref
    ...at(LL),
    ...V128_LOAD(o),
    ...get(TR),
    ...F64X2_LE,
    ...set(ACT),
    // v' = ((b + (v − b)·P) + ge·Pe) + gi·Pi
    ...at(VV),
    ...tee(ADDR),
    ...V128_LOAD(o),
    ...set(VO),
    ...(uniform ? get(BC) : [...at(BB), ...V128_LOAD(o)]),
    ...tee(B),
    ...get(VO),
    ...get(B),
    ...F64X2_SUB,
    ...get(P),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...get(GE),
    ...get(PE),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...get(GI),
    ...get(PI),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...set(VN),
    // v ← active ? v' : v
    ...get(ADDR),
    ...get(VN),
    ...get(VO),
    ...get(ACT),
    ...V128_BITSELECT,
    ...V128_STORE(o),
    // spikes: active ∧ v' > v_th
    ...get(VN),
    ...get(VTH),
    ...F64X2_GT,
    ...get(ACT),
    ...V128_AND,
    ...tee(SP),
    ...V128_ANY_TRUE,
    ...IF,
    ...get(SP),
    ...I64X2_BITMASK,
    ...set(BITS),
    ...emit(0, o),
    ...emit(1, o),
    ...END,
  ];
}

/** for (; k + 16·u ≤ bytes; k += 16·u) the u pairs at k, k + 16, … */
function loop(u: number, uniform: boolean): number[] {
  const body: number[] = [];
  for (let q = 0; q < u; q++) body.push(...pair(16 * q, uniform));
  return [
    ...BLOCK,
    ...LOOP,
    ...get(K),
    ...i32(16 * u),
    ...I32_ADD,
    ...get(BYTES),
    ...I32_GT_U,
    ...BR_IF(1),
    ...body,
    ...get(K),
    ...i32(16 * u),
    ...I32_ADD,
    ...set(K),
    ...BR(0),
    ...END,
    ...END,
  ];
}

function lifBody(uniform: boolean): number[] {
  const splat = (q: number, local: number) => [...get(CONSTS), ...F64_LOAD(8 * q), ...F64X2_SPLAT, ...set(local)];
  return [
    ...splat(0, P),
    ...splat(1, PE),
    ...splat(2, PI),
    ...splat(3, DE),
    ...splat(4, DI),
    ...splat(5, VTH),
    ...splat(8, BC),
    ...get(TREF),
    ...F64X2_SPLAT,
    ...set(TR),
    ...i32(0),
    ...set(K),
    ...loop(2, uniform),
    ...loop(1, uniform),
    ...get(COUNT),
  ];
}

let bytes: Uint8Array<ArrayBuffer> | null = null;
/** The module's bytes (assembled once). */
export function lifModuleBytes(): Uint8Array<ArrayBuffer> {
  const fn = (name: string, uniform: boolean) => ({
    name,
    params: [...new Array<number>(10).fill(I32T), F64T, F64T],
    results: [I32T],
    locals: [
      [3, I32T],
      [15, V128T],
    ] as Array<[number, number]>,
    body: lifBody(uniform),
  });
  bytes ??= moduleBytes([fn('lif', false), fn('lifUniform', true)]);
  return bytes;
}

/** The exported loops' signature. */
export type LifWasm = (
  g0: number,
  g1: number,
  v: number,
  last: number,
  b: number,
  bytes: number,
  out: number,
  count: number,
  first: number,
  consts: number,
  t: number,
  tRef: number,
) => number;

let compiled: WebAssembly.Module | null | undefined;
/** The compiled module, or null where this engine has no WebAssembly SIMD (or no WebAssembly). */
export function lifModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled =
      typeof WebAssembly !== 'undefined' && WebAssembly.validate(lifModuleBytes()) ? new WebAssembly.Module(lifModuleBytes()) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}
