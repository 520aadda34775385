/**
 * The pool kernels give the same bits for 1, 2 and 3 workers (fixed blocks)
 * and agree with the single-thread functions (bit-identical where the
 * arithmetic is the same; float64 references with stated bounds otherwise).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRng,
  createWorkerPool,
  csrFromCOO,
  gatherRowsSum,
  poolBundle,
  poolConvolve,
  poolGatherRowsSum,
  poolMatMul,
  poolScores,
  poolSpmv,
  poolTopK,
  randomCSR,
  sharedArray,
  topK,
  realFftPlan,
  setBackend,
  spmv,
  type WorkerPool,
} from '../../src/index.js';
import { splitsByColumns } from '../../src/pool/pool-mat-mul.js';

const pools: WorkerPool[] = [];
const F32_EPS = 2 ** -24; // unit roundoff of float32

function normals(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

beforeAll(async () => {
  await setBackend('cpu');
  for (const workers of [1, 2, 3]) pools.push(await createWorkerPool({ workers }));
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
});

/** Run `f` on each pool (forced onto the workers) and on the calling thread; all results must be bit-identical. */
async function sameOnEveryPool(f: (pool: WorkerPool, inline: boolean) => Promise<Float32Array>): Promise<Float32Array> {
  const inline = await f(pools[0], true);
  for (const pool of pools) expect(Array.from(await f(pool, false)), `${pool.size} workers`).toEqual(Array.from(inline));
  return inline;
}

describe('pool kernels: the same result for 1, 2 and 3 workers', () => {
  it('poolConvolve (bind, unbind, one row against many) equals realFftPlan.convolve', async () => {
    const n = 96;
    const rows = 37;
    const a = normals(rows * n, 1);
    const b = normals(rows * n, 2);
    for (const correlate of [false, true]) {
      const got = await sameOnEveryPool((pool, inline) => poolConvolve(pool, a, b, { n, correlate, inline }));
      const want = new Float32Array(rows * n);
      realFftPlan(n).convolve(a, b, want, correlate);
      expect(Array.from(got)).toEqual(Array.from(want));
    }
    const one = b.subarray(0, n);
    const got = await sameOnEveryPool((pool, inline) => poolConvolve(pool, a, one, { n, inline }));
    const want = new Float32Array(rows * n);
    realFftPlan(n).convolve(a, one, want);
    expect(Array.from(got)).toEqual(Array.from(want));
  });

  it('poolBundle equals the float64 column sum rounded once', async () => {
    const rows = 53;
    const cols = 1000;
    const x = normals(rows * cols, 3);
    const got = await sameOnEveryPool((pool, inline) => poolBundle(pool, x, { cols, inline }));
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += x[i * cols + j];
      expect(got[j]).toBe(Math.fround(s));
    }
  });

  it('poolSpmv equals spmv; poolGatherRowsSum (dense) equals gatherRowsSum', async () => {
    const m = randomCSR(500, 300, 0.05, createRng(4));
    const x = normals(300, 5);
    const got = await sameOnEveryPool((pool, inline) => poolSpmv(pool, m, x, { inline }));
    expect(Array.from(got)).toEqual(Array.from(spmv(m, x)));
    const dense = { nRows: 40, nCols: 700, data: normals(40 * 700, 6) };
    const rows = [3, 9, 9, 0, 39, 17, 25];
    const d = await sameOnEveryPool((pool, inline) => poolGatherRowsSum(pool, dense, rows, { inline }));
    expect(Array.from(d)).toEqual(Array.from(gatherRowsSum(dense, rows)));
  });

  it('poolGatherRowsSum (CSR) matches gatherRowsSum within float32 rounding of the regrouped sums', async () => {
    const m = csrFromCOO(
      50,
      20,
      Int32Array.from({ length: 400 }, (_, i) => i % 50),
      Int32Array.from({ length: 400 }, (_, i) => (i * 7) % 20),
      Float32Array.from({ length: 400 }, (_, i) => Math.sin(i)),
    );
    const rows = Array.from({ length: 200 }, (_, i) => (i * 13) % 50);
    const got = await sameOnEveryPool((pool, inline) => poolGatherRowsSum(pool, m, rows, { inline }));
    const want = gatherRowsSum(m, rows);
    // Both are float32 sums of the same ≤ 200·8 terms |v| ≤ 1 grouped differently: |diff| ≤ 2 · terms · eps · max partial (≤ terms).
    for (let j = 0; j < 20; j++) expect(Math.abs(got[j] - want[j])).toBeLessThanOrEqual(2 * 1600 * F32_EPS * 1600);
  });

  it.each([
    ['blocks of rows', 150, 70, 90],
    ['blocks of columns', 200, 70, 300],
  ])(
    'poolMatMul (plain and bᵀ, %s) is identical for 1, 2, 3 workers and within float32 bounds of a float64 product',
    async (_, m, k, n) => {
      expect(splitsByColumns(m, n)).toBe(n === 300);
      const a = normals(m * k, 7);
      const b = normals(k * n, 8);
      const run = async (transposeB: boolean, bb: Float32Array) => {
        const first = await poolMatMul(pools[0], a, bb, { m, k, n, transposeB, inline: false });
        for (const pool of pools.slice(1)) {
          expect(Array.from(await poolMatMul(pool, a, bb, { m, k, n, transposeB, inline: false }))).toEqual(Array.from(first));
        }
        return first;
      };
      const bT = new Float32Array(n * k);
      for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) bT[j * k + i] = b[i * n + j];
      for (const [transposeB, bb] of [
        [false, b],
        [true, bT],
      ] as const) {
        const got = await run(transposeB, bb);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            let abs = 0;
            for (let t = 0; t < k; t++) {
              s += a[i * k + t] * b[t * n + j];
              abs += Math.abs(a[i * k + t] * b[t * n + j]);
            }
            // Standard dot-product bound: |fl(s) - s| ≤ k · eps · sum |a b| (any summation order).
            expect(Math.abs(got[i * n + j] - s)).toBeLessThanOrEqual(k * F32_EPS * abs);
          }
        }
      }
    },
  );

  it('poolScores: dot and cosine scores of queries against items (one block; and 150 items × d = 203: SIMD norms, 2 blocks, the calling thread)', async () => {
    const [nqs, nis] = [5, 150];
    const d2 = 203;
    const q2 = normals(nqs * d2, 19);
    const items2 = normals(nis * d2, 20);
    const onWorkers = await poolScores(pools[0], q2, items2, { d: d2, cosine: true, inline: false });
    for (const pool of pools.slice(1))
      expect(Array.from(await poolScores(pool, q2, items2, { d: d2, cosine: true, inline: false }))).toEqual(Array.from(onWorkers));
    const onThread = await poolScores(pools[0], q2, items2, { d: d2, cosine: true, inline: true });
    for (let a = 0; a < nqs; a++) {
      for (let i = 0; i < nis; i++) {
        let s = 0;
        let nq = 0;
        let ni = 0;
        for (let t = 0; t < d2; t++) {
          s += q2[a * d2 + t] * items2[i * d2 + t];
          nq += q2[a * d2 + t] ** 2;
          ni += items2[i * d2 + t] ** 2;
        }
        // |cos| ≤ 1: a float32 dot of d terms is within d·eps·|q||i| (Σ|ab| ≤ |q||i|), plus a few roundings of the quotient
        const want = s / Math.sqrt(nq * ni);
        expect(Math.abs(onWorkers[a * nis + i] - want)).toBeLessThanOrEqual((d2 + 4) * F32_EPS);
        expect(Math.abs(onThread[a * nis + i] - want)).toBeLessThanOrEqual((d2 + 4) * F32_EPS);
      }
    }
    const d = 64;
    const q = normals(5 * d, 9);
    const items = normals(40 * d, 10);
    for (const cosine of [false, true]) {
      const first = await poolScores(pools[0], q, items, { d, cosine, inline: false });
      for (const pool of pools.slice(1))
        expect(Array.from(await poolScores(pool, q, items, { d, cosine, inline: false }))).toEqual(Array.from(first));
      for (let a = 0; a < 5; a++) {
        for (let i = 0; i < 40; i++) {
          let s = 0;
          let abs = 0;
          let nq = 0;
          let ni = 0;
          for (let t = 0; t < d; t++) {
            s += q[a * d + t] * items[i * d + t];
            abs += Math.abs(q[a * d + t] * items[i * d + t]);
            nq += q[a * d + t] ** 2;
            ni += items[i * d + t] ** 2;
          }
          const den = cosine ? Math.sqrt(nq * ni) : 1;
          // Dot bound k·eps·Σ|ab| plus, for the cosine, a few float32 roundings of the quotient.
          expect(Math.abs(first[a * 40 + i] - s / den)).toBeLessThanOrEqual((d * F32_EPS * abs) / den + 4 * F32_EPS);
        }
      }
    }
  });

  it('poolTopK equals topK (ties to the lower index, NaN only to fill) for 1, 2, 3 workers', async () => {
    const n = 200_000;
    const values = sharedArray(Float32Array, n);
    const rng = createRng(11);
    // Few distinct values: many ties across blocks; some NaN.
    for (let i = 0; i < n; i++) values[i] = i % 997 === 0 ? Number.NaN : Math.round(rng.normal() * 20) / 4;
    for (const k of [1, 50, 3000]) {
      const want = topK(values, k);
      for (const pool of pools) {
        const got = await poolTopK(pool, values, k, { inline: false });
        expect(Array.from(got.indices), `k ${k}, ${pool.size} workers`).toEqual(Array.from(want.indices));
        expect(Array.from(got.values)).toEqual(Array.from(want.values));
      }
    }
    const few = sharedArray(Float64Array, 40_000).fill(Number.NaN);
    few[7] = 1;
    few[39_000] = 2;
    const want = topK(few, 5);
    expect(Array.from((await poolTopK(pools[2], few, 5, { inline: false })).indices)).toEqual(Array.from(want.indices));
  });

  it('rejects bad shapes with TensorError', async () => {
    await expect(poolConvolve(pools[0], new Float32Array(10), new Float32Array(12), { n: 4 })).rejects.toThrow(/multiple of 4/);
    await expect(poolMatMul(pools[0], new Float32Array(6), new Float32Array(6), { m: 2, k: 3, n: 3 })).rejects.toThrow(/length 9/);
    await expect(poolBundle(pools[0], new Float32Array(10), { cols: 0 })).rejects.toThrow(/cols/);
  });
});
