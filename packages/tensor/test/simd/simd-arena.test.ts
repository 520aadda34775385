import { describe, expect, it } from 'vitest';
import { createRng, createSimdArena, createWorkerPool, hasWasmSimd, poolBundle, TensorError } from '../../src/index.js';
import { ARENA_BUNDLE_CROSSOVER } from '../../src/simd/simd-arena.js';

const F32_EPS = 2 ** -24;

describe('createSimdArena (WebAssembly SIMD loops)', () => {
  it('has SIMD in Node 20', () => {
    expect(hasWasmSimd()).toBe(true);
  });

  it('bundle equals the float32 row-order sum exactly', () => {
    const arena = createSimdArena(1 << 20);
    const [rows, cols] = [37, 132];
    const x = arena.alloc(rows * cols);
    createRng(1).normalArray(x);
    const out = arena.bundle(x, cols);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s = Math.fround(s + x[i * cols + j]);
      expect(out[j]).toBe(s);
    }
  });

  it('bundle with a helper thread (shared memory, column chunks on both threads) has the bits of one thread; close frees the worker', async () => {
    const pool = await createWorkerPool({ workers: 1 });
    const [rows, cols] = [300, 260]; // 78000 elements ≥ ARENA_BUNDLE_CROSSOVER; 65 four-column groups in 4 uneven chunks
    expect(rows * cols).toBeGreaterThanOrEqual(ARENA_BUNDLE_CROSSOVER);
    const one = createSimdArena(4 * (rows * cols + cols) + 65536);
    const two = createSimdArena(4 * (rows * cols + cols) + 65536, { pool });
    expect([one.helped, two.helped]).toEqual([false, true]);
    const x1 = one.alloc(rows * cols);
    const x2 = two.alloc(rows * cols);
    expect(x2.buffer).toBeInstanceOf(SharedArrayBuffer);
    createRng(5).normalArray(x1);
    x2.set(x1);
    const want = Array.from(one.bundle(x1, cols));
    const out = two.alloc(cols);
    // Until the helper has taken chunks of its own (it starts asynchronously): every call has one thread's bits.
    const deadline = Date.now() + 20_000;
    let calls = 0;
    do {
      out.fill(Number.NaN);
      expect(Array.from(two.bundle(x2, cols, out))).toEqual(want);
      calls++;
      if (calls % 50 === 0) await new Promise((r) => setTimeout(r, 1));
    } while (two.helperChunks() === 0 && Date.now() < deadline);
    expect(two.helperChunks()).toBeGreaterThan(0);
    await two.close();
    // Closed: one thread, same bits; the pool's worker runs other tasks again.
    expect(Array.from(two.bundle(x2, cols, out))).toEqual(want);
    expect(await poolBundle(pool, x2, { cols, inline: false })).toHaveLength(cols);
    await pool.terminate();
  }, 60_000);

  it('dot matches a float64 reference within n·eps32·Σ|ab| (float32 products and lanes), for lengths not multiple of 8', () => {
    const arena = createSimdArena(1 << 20);
    for (const n of [0, 3, 8, 21, 1000, 4099]) {
      const a = arena.alloc(n);
      const b = arena.alloc(n);
      createRng(n).normalArray(a);
      createRng(n + 1).normalArray(b);
      let s = 0;
      let abs = 0;
      for (let i = 0; i < n; i++) {
        s += a[i] * b[i];
        abs += Math.abs(a[i] * b[i]);
      }
      expect(Math.abs(arena.dot(a, b) - s)).toBeLessThanOrEqual(n * F32_EPS * abs);
    }
  });

  it('cosine scores a query against rows', () => {
    const arena = createSimdArena(1 << 20);
    const d = 64;
    const q = arena.alloc(d);
    const items = arena.alloc(3 * d);
    createRng(5).normalArray(q);
    items.set(q, 0);
    for (let t = 0; t < d; t++) items[d + t] = -2 * q[t];
    const c = arena.cosine(q, items);
    expect(c[0]).toBeCloseTo(1, 5); // float32 sums of d = 64 terms: ~1e-6 relative
    expect(c[1]).toBeCloseTo(-1, 5);
    expect(c[2]).toBe(0); // zero row
  });

  it('rejects arrays outside the arena, odd column counts and overflow', () => {
    const arena = createSimdArena(65536);
    const a = arena.alloc(8);
    expect(() => arena.dot(a, new Float32Array(8))).toThrow(TensorError);
    expect(() => arena.bundle(arena.alloc(12), 6)).toThrow(/multiple of 4/);
    expect(() => arena.alloc(1 << 20)).toThrow(/do not fit/);
    arena.reset();
    expect(arena.alloc(16000).length).toBe(16000);
  });
});
