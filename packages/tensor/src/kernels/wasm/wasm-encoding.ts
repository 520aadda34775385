/**
 * @internal Encoding of WebAssembly binary modules for the kernels the project
 * assembles from their instructions (neuron-step-simd.ts, simd/simd-loops-module.ts):
 * LEB128 integers, vectors, sections, names, and the instructions both use.
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

// Instructions.
export const get = (l: number) => [0x20, l];
export const set = (l: number) => [0x21, l];
export const tee = (l: number) => [0x22, l];
export const i32 = (n: number) => [0x41, ...sleb(n)];
export const I32_ADD = [0x6a];
export const I32_GE_U = [0x4f];
export const BLOCK_ = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const END = [0x0b];
export const BR = (d: number) => [0x0c, d];
export const BR_IF = (d: number) => [0x0d, d];
export const simd = (op: number) => [0xfd, ...uleb(op)];
export const F32X4_ADD = simd(0xe4);
export const F32X4_MUL = simd(0xe6);
