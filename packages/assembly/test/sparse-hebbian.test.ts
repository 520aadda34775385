import { describe, expect, it } from 'vitest';
import { sparseHebbian } from '../src/sparse-hebbian.js';
import { float16Table, toFloat16Bits } from '../src/float16.js';

// rows 0..2 of a 3 × 4 CSR: row 0 → {0, 2}, row 1 → {1, 2, 3}, row 2 → {3}
const indptr = new Int32Array([0, 2, 5, 6]);
const indices = new Int32Array([0, 2, 1, 2, 3, 3]);

describe('sparseHebbian', () => {
  it('scales exactly the synapses from firing rows into winners, with the cap', () => {
    const data = new Float32Array([1, 1, 1, 1, 1, 1]);
    const isWinner = new Uint8Array([0, 0, 1, 1]);
    const f = Math.fround(1.1);
    sparseHebbian(indptr, indices, data, [0, 1], isWinner, f, Infinity);
    expect(Array.from(data)).toEqual([1, f, 1, f, f, 1]);
    sparseHebbian(indptr, indices, data, [1], isWinner, f, 1.15);
    // f · f = 1.21 > 1.15: capped
    expect(Array.from(data)).toEqual([1, f, 1, Math.fround(1.15), Math.fround(1.15), 1]);
  });

  it('rounds float16 weights to the nearest half', () => {
    const data = new Uint16Array(6).fill(toFloat16Bits(1));
    sparseHebbian(indptr, indices, data, [2], new Uint8Array([0, 0, 0, 1]), Math.fround(1.1), Infinity, {
      encode: toFloat16Bits,
      table: float16Table(),
    });
    // 1.1 lies between the halves 1 + 102/1024 = 1.099609… and 1 + 103/1024 = 1.100586…: nearer the first
    expect(float16Table()[data[5]]).toBe(1 + 102 / 1024);
    expect(data[0]).toBe(toFloat16Bits(1));
  });
});
