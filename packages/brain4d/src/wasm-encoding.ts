/**
 * @internal The WebAssembly binary encoding the engine's SIMD kernels are assembled with
 * (lif-wasm.ts, deliver-wasm.ts): LEB128 integers, vectors, sections, names, and the
 * instructions they use. Instructions are arrays of bytes, concatenated.
 */
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
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

export const I32T = 0x7f;
export const F64T = 0x7c;
export const V128T = 0x7b;

export const get = (l: number): number[] => [0x20, ...uleb(l)];
export const set = (l: number): number[] => [0x21, ...uleb(l)];
export const tee = (l: number): number[] => [0x22, ...uleb(l)];
export const i32 = (n: number): number[] => [0x41, ...sleb(n)];
export const f64 = (x: number): number[] => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];
export const I32_ADD = [0x6a];
export const I32_SUB = [0x6b];
export const I32_SHL = [0x74];
export const I32_SHR_U = [0x76];
export const I32_AND = [0x71];
export const I32_GE_U = [0x4f];
export const I32_GT_U = [0x4b];
export const I32_LT_U = [0x49];
export const I32_EQZ = [0x45];
export const BLOCK_ = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const IF = [0x04, 0x40];
export const END = [0x0b];
export const BR = (d: number): number[] => [0x0c, d];
export const BR_IF = (d: number): number[] => [0x0d, d];
/** Memory access with an alignment exponent (a hint) and a constant byte offset. */
const mem =
  (op: number[], align: number) =>
  (offset = 0) => [...op, align, ...uleb(offset)];
export const I32_LOAD = mem([0x28], 2);
export const I32_STORE = mem([0x36], 2);
export const F64_LOAD = mem([0x2b], 3);
export const F64_STORE = mem([0x39], 3);
export const F64_ADD = [0xa0];
export const F64_MUL = [0xa2];
export const simd = (op: number): number[] => [0xfd, ...uleb(op)];
export const V128_LOAD = mem(simd(0x00), 3);
export const V128_STORE = mem(simd(0x0b), 3);
export const F64X2_SPLAT = simd(0x14);
export const F64X2_GT = simd(0x4a);
export const F64X2_LE = simd(0x4b);
export const V128_AND = simd(0x4e);
export const V128_BITSELECT = simd(0x52);
export const V128_ANY_TRUE = simd(0x53);
export const I64X2_BITMASK = simd(0xc4);
export const F64X2_ADD = simd(0xf0);
export const F64X2_SUB = simd(0xf1);
export const F64X2_MUL = simd(0xf2);
export const F64X2_PMAX = simd(0xf7);

/** A module importing its memory as e.m and exporting the given functions (each: params, results, locals, body). */
export function moduleBytes(
  funcs: Array<{ name: string; params: number[]; results: number[]; locals: Array<[number, number]>; body: number[] }>,
): Uint8Array<ArrayBuffer> {
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
