import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRange, canShareMemory, createWorkerPool, isShared, sharedArray, TensorError, type WorkerPool } from '../../src/index.js';

const FIXTURE = new URL('./fixtures/test-blocks.mjs', import.meta.url).href;

describe('blockRange', () => {
  it('cuts rows into contiguous, nearly equal blocks that cover every row once', () => {
    for (const [rows, blocks] of [
      [10, 3],
      [7, 7],
      [3, 5],
      [1000, 24],
    ] as const) {
      let next = 0;
      for (let b = 0; b < blocks; b++) {
        const [s, e] = blockRange(rows, b, blocks);
        expect(s).toBe(next);
        expect(e - s).toBeGreaterThanOrEqual(Math.floor(rows / blocks));
        expect(e - s).toBeLessThanOrEqual(Math.ceil(rows / blocks));
        next = e;
      }
      expect(next).toBe(rows);
    }
  });
});

describe('createWorkerPool (Node worker_threads)', () => {
  const pools: WorkerPool[] = [];
  beforeAll(async () => {
    for (const workers of [1, 2, 3]) pools.push(await createWorkerPool({ workers }));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.terminate()));
  });

  it('shares memory in Node', () => {
    expect(canShareMemory()).toBe(true);
    const a = sharedArray(Float32Array, 8);
    expect(isShared(a)).toBe(true);
    expect(isShared(new Float32Array(8))).toBe(false);
  });

  it('runs every block of a task in the workers, writing shared memory, for 1, 2 and 3 workers', async () => {
    for (const pool of pools) {
      const out = sharedArray(Float64Array, 1001);
      await pool.run({ module: FIXTURE, fn: 'fillBlock', args: { out, scale: 0.5 }, blocks: 7 });
      for (let i = 0; i < out.length; i++) {
        const block = [...Array(7).keys()].find((b) => i >= Math.floor((b * 1001) / 7) && i < Math.floor(((b + 1) * 1001) / 7))!;
        expect(out[i]).toBe(i * 0.5 + block);
      }
    }
  });

  it('awaits async block functions and runs concurrent tasks', async () => {
    const pool = pools[1];
    const outs = [sharedArray(Int32Array, 6), sharedArray(Int32Array, 6)];
    await Promise.all(outs.map((out) => pool.run({ module: FIXTURE, fn: 'slowBlock', args: { out }, blocks: 6 })));
    for (const out of outs) expect(Array.from(out)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('rejects with a TensorError that carries the block error, and keeps working', async () => {
    const pool = pools[2];
    const err = await pool.run({ module: FIXTURE, fn: 'failBlock', args: {}, blocks: 4 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).message).toMatch(/failBlock failed in a worker: RangeError: block 2 refuses/);
    const missing = await pool.run({ module: FIXTURE, fn: 'nope', args: {}, blocks: 1 }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/exports no function nope/);
    const out = sharedArray(Float64Array, 10);
    await pool.run({ module: FIXTURE, fn: 'fillBlock', args: { out, scale: 1 }, blocks: 2 });
    expect(out[9]).toBe(10);
  });

  it('a pool of size 0 runs the blocks on the calling thread', async () => {
    const pool = await createWorkerPool({ workers: 0 });
    expect(pool.size).toBe(0);
    const out = new Float64Array(10);
    await pool.run({ module: FIXTURE, fn: 'fillBlock', args: { out, scale: 2 }, blocks: 2 });
    expect(out[9]).toBe(19);
  });

  it('rejects a bad worker count and runs after terminate', async () => {
    await expect(createWorkerPool({ workers: -1 })).rejects.toThrow(/workers must be an integer/);
    const pool = await createWorkerPool({ workers: 1 });
    await pool.terminate();
    await expect(pool.run({ module: FIXTURE, fn: 'fillBlock', args: {}, blocks: 1 })).rejects.toThrow(/terminated/);
  });
});
