import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, createWorkerPool, poolBinomialFill, poolNormalFill, sharedArray, type WorkerPool } from '../../src/index.js';

const pools: WorkerPool[] = [];
beforeAll(async () => {
  for (const workers of [1, 2, 3]) pools.push(await createWorkerPool({ workers }));
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
});

// 600,000 elements = 3 blocks of 2^18 (the last one partial).
const N = 600_000;

describe('pool random fills', () => {
  it('poolNormalFill: the same values inline and on 1, 2, 3 workers; block b is createRng(`<seed>/block b`)', async () => {
    const inline = await poolNormalFill(pools[0], 7, new Float64Array(N), { inline: true });
    for (const pool of pools) {
      const out = await poolNormalFill(pool, 7, sharedArray(Float64Array, N), { inline: false });
      expect(Buffer.from(out.buffer).equals(Buffer.from(inline.buffer))).toBe(true);
    }
    const block1 = createRng('number:7/block 1').normalArray(new Float64Array(1 << 18));
    expect(Array.from(inline.subarray(1 << 18, 2 << 18))).toEqual(Array.from(block1));
    // Sample mean and variance of N(0, 1): within 5 standard errors (1/sqrt(N) and sqrt(2/N)).
    let s = 0;
    let s2 = 0;
    for (const v of inline) {
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it('poolBinomialFill: the same counts for 1, 2, 3 workers, mean n p within 5 standard errors', async () => {
    const inline = await poolBinomialFill(pools[0], 'b', new Int32Array(N), 20, 0.3, { inline: true });
    for (const pool of pools) {
      const out = await poolBinomialFill(pool, 'b', sharedArray(Int32Array, N), 20, 0.3, { inline: false });
      expect(Buffer.from(out.buffer).equals(Buffer.from(inline.buffer))).toBe(true);
    }
    let s = 0;
    for (const v of inline) s += v;
    expect(Math.abs(s / N - 6)).toBeLessThan(5 * Math.sqrt((20 * 0.3 * 0.7) / N));
  });

  it('needs shared memory to fill on the workers', async () => {
    await expect(poolNormalFill(pools[1], 1, new Float32Array(N), { inline: false })).rejects.toThrow(/SharedArrayBuffer/);
  });
});
