/** Test inputs of mulShiftRound (JavaScript and WGSL). Not a test file itself. */
import { createRng } from '@neurite/tensor';

/** Edge values of int32 and random ones. */
export function mulShiftRoundCases(count: number, seed = 7): Array<[number, number]> {
  const edge = [
    0, 1, -1, 2, -2, 0x7fff, 0x8000, -0x8000, 0xffff, 0x10000, -0x10000, 0x3fffffff, 0x40000000, -0x40000000, 0x7fffffff, -0x80000000,
  ];
  const out: Array<[number, number]> = [];
  for (const a of edge) for (const c of edge) out.push([a, c]);
  const rng = createRng(seed);
  const r32 = () => (Math.floor(rng.uniform() * 2 ** 32) - 2 ** 31) | 0;
  while (out.length < count) {
    const a = r32();
    // half-way products: c a power of two makes a·c + 2^29 land on ties
    out.push([a, r32()], [a, 1 << rng.uniformInt(31)], [a >> rng.uniformInt(31), r32()]);
  }
  return out.slice(0, count);
}
