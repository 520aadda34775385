/**
 * poolRandomCSR: the same matrix for any worker count, each block being
 * exactly what randomCSR draws from that block's generator (the same geometric
 * skipping, then the weights), and Bernoulli(p) statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, createWorkerPool, poolRandomCSR, randomCSR, TensorError, type CSR, type WorkerPool } from '../../src/index.js';
import { drawRandomCsr } from '../../src/pool/pool-random-csr.js';

const pools: WorkerPool[] = [];
beforeAll(async () => {
  for (const workers of [0, 1, 2, 3]) pools.push(await createWorkerPool({ workers }));
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
});

function same(a: CSR, b: CSR): boolean {
  const bytes = (x: ArrayBufferView) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  const eq = (x: ArrayBufferView | null, y: ArrayBufferView | null) => (x === null || y === null ? x === y : bytes(x).equals(bytes(y)));
  return a.nRows === b.nRows && a.nCols === b.nCols && eq(a.indptr, b.indptr) && eq(a.indices, b.indices) && eq(a.data, b.data);
}

// nCols p = 400 entries a row: blocks of floor(2^18 / 400) = 655 rows, 3 blocks (the last partial).
const [N_ROWS, N_COLS, P] = [1500, 4000, 0.1];
const BLOCK_ROWS = Math.floor(2 ** 18 / (N_COLS * P));

describe('poolRandomCSR', () => {
  it('gives the same matrix inline and on 1, 2, 3 workers; block b is randomCSR on createRng(`<seed>/rows b`)', async () => {
    const weight = { uniform: [-1, 2] as [number, number] };
    const inline = await poolRandomCSR(pools[0], N_ROWS, N_COLS, P, 7, { weight, inline: true });
    for (const pool of pools.slice(1)) {
      expect(same(await poolRandomCSR(pool, N_ROWS, N_COLS, P, 7, { weight, inline: false }), inline), `${pool.size} workers`).toBe(true);
    }
    // Block 1: rows [655, 1310) from its own generator, weights lo + (hi - lo) u after the structure.
    const ref = randomCSR(BLOCK_ROWS, N_COLS, P, createRng('number:7/rows 1'), { weight: (r) => -1 + 3 * r.uniform() });
    const r0 = BLOCK_ROWS;
    const k0 = inline.indptr[r0];
    const k1 = inline.indptr[r0 + BLOCK_ROWS];
    expect(Array.from(inline.indptr.subarray(r0, r0 + BLOCK_ROWS + 1), (v) => v - k0)).toEqual(Array.from(ref.indptr));
    expect(Array.from(inline.indices.subarray(k0, k1))).toEqual(Array.from(ref.indices));
    expect(Array.from(inline.data!.subarray(k0, k1))).toEqual(Array.from(ref.data!));
    // nnz ~ Binomial(n m, p): within 5 standard deviations of n m p.
    const mean = N_ROWS * N_COLS * P;
    expect(Math.abs(inline.indptr[N_ROWS] - mean)).toBeLessThan(5 * Math.sqrt(mean * (1 - P)));
    // Columns sorted and distinct within each row.
    let unsorted = 0;
    for (let i = 0; i < N_ROWS; i++) {
      for (let k = inline.indptr[i] + 1; k < inline.indptr[i + 1]; k++) if (!(inline.indices[k] > inline.indices[k - 1])) unsorted++;
    }
    expect(unsorted).toBe(0);
  }, 60_000);

  it('normal weights, patterns, constants and the edge cases p = 0, p = 1, no rows', async () => {
    const normal = await poolRandomCSR(pools[2], 500, 700, 0.1, 's', { weight: { normal: [0.5, 0.1] }, inline: false });
    const ref = randomCSR(500, 700, 0.1, createRng('string:s/rows 0'), { weight: (r) => 0.5 + 0.1 * r.normal() });
    expect(same(normal, ref)).toBe(true);
    const pattern = await poolRandomCSR(pools[2], 500, 700, 0.1, 's', { pattern: true, inline: false });
    expect(pattern.data).toBeNull();
    expect(Array.from(pattern.indices)).toEqual(Array.from(ref.indices));
    const constant = await poolRandomCSR(pools[0], 50, 70, 0.1, 3n, { weight: 0.25 });
    expect(constant.data!.every((v) => v === 0.25)).toBe(true);
    const full = await poolRandomCSR(pools[1], 4, 3, 1, 1, { inline: false });
    expect(Array.from(full.indptr)).toEqual([0, 3, 6, 9, 12]);
    expect(Array.from(full.indices)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    const empty = await poolRandomCSR(pools[1], 4, 3, 0, 1);
    expect(empty.indices.length).toBe(0);
    expect(Array.from(empty.indptr)).toEqual([0, 0, 0, 0, 0]);
    expect((await poolRandomCSR(pools[1], 0, 3, 0.5, 1)).indptr.length).toBe(1);
  });

  it('redraws a block that outgrows its capacity, with the same result', async () => {
    const want = await poolRandomCSR(pools[0], 2000, 1000, 0.3, 9, { weight: { uniform: [0, 1] } });
    // capacities far below the mean: every block overflows on the workers and is redrawn on the calling thread
    const got = await drawRandomCsr(pools[2], 2000, 1000, 0.3, 9, { weight: { uniform: [0, 1] }, inline: false }, -40);
    expect(same(got, want)).toBe(true);
  });

  it('rejects bad arguments with TensorError', async () => {
    await expect(poolRandomCSR(pools[0], 10, 10, 1.5, 1)).rejects.toThrow(TensorError);
    await expect(poolRandomCSR(pools[0], 10, 10, 0.5, 1.5)).rejects.toThrow(/seed/);
    await expect(poolRandomCSR(pools[0], 10, 10, 0.5, 1, { pattern: true, weight: 2 })).rejects.toThrow(/pattern/);
    await expect(poolRandomCSR(pools[0], 10, 10, 0.5, 1, { weight: { normal: [0, -1] } })).rejects.toThrow(TensorError);
  });
});
