/** roundToF16 against numpy's float32 → float16 conversion (fixtures/float16.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roundToF16 } from '../src/index.js';

const fx = JSON.parse(readFileSync(new URL('./fixtures/float16.json', import.meta.url), 'utf8')) as {
  input: number[];
  float16: (number | string)[];
};

describe('roundToF16', () => {
  it('rounds exactly as numpy (ties to even, subnormals, overflow to ±Infinity)', () => {
    fx.input.forEach((x, i) => {
      const want = fx.float16[i];
      const w = want === 'Infinity' ? Infinity : want === '-Infinity' ? -Infinity : (want as number);
      expect(roundToF16(x), `input ${x}`).toBe(w);
    });
  });
});
