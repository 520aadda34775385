/**
 * The `tensor` suite: the kernels @neurite/tensor adds to tfjs, each against a reference
 * measured in the same run, with the project's goal for each case:
 *
 * - matmul 512x512 f32 on wasm and cpu in the same run (GFLOP/s = 2 n^3 / t);
 * - gatherRowsSum of 70 rows, dense block and CSR (elements/s = entries summed / t),
 *   against tf.gather + tf.sum on the active backend giving the same vector;
 * - topK n = 1e6, k = 1000 (ms) against tf.topk on the active backend;
 * - rfft + irfft, batch 1, n = 1024 and 10000 (us) against numpy;
 * - randomCSR 1e5 x 1e5, p = 0.01 (s, and bytes of the arrays per nnz);
 * - 1e7 standard normals (s) against numpy.
 */
import {
  tf,
  setBackend,
  createRng,
  gatherRowsSum,
  randomCSR,
  realFftPlan,
  topK,
  type BackendName,
  type CSR,
  type Tensor,
} from '@neurite/tensor';
import type { BenchResult, Suite, SuiteContext } from '../suite.js';

interface NumpyTimes {
  numpy: string;
  rfft_irfft_us: Record<string, number>;
  normals_s: number;
}

async function matmulRows(ctx: SuiteContext): Promise<BenchResult[]> {
  const n = 512;
  const flops = 2 * n ** 3;
  const gflops: Partial<Record<BackendName, number>> = {};
  const gflopsT: Partial<Record<BackendName, number>> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    await setBackend(backend);
    ctx.progress(`matmul ${n}x${n} on ${backend}`);
    const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
    const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
    // cpu needs ~0.4 s per product: keep its repeats low.
    const opts = backend === 'cpu' ? { warmup: 1, repeats: ctx.quick ? 3 : 5 } : {};
    const us = await ctx.measure(() => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    }, opts);
    gflops[backend] = flops / (us * 1e-6) / 1e9;
    if (backend === 'wasm') {
      const usT = await ctx.measure(() => {
        const c = tf.matMul(a, b, false, true);
        c.dataSync();
        c.dispose();
      });
      gflopsT[backend] = flops / (usT * 1e-6) / 1e9;
    }
    a.dispose();
    b.dispose();
  }
  await setBackend(ctx.backend);
  const params = { n, dtype: 'float32' };
  return [
    {
      case: 'matmul',
      params,
      backend: 'wasm',
      metric: 'throughput',
      unit: 'GFLOP/s',
      value: gflops.wasm!,
      reference: { name: 'tfjs-cpu', value: gflops.cpu! },
      ratio: gflops.wasm! / gflops.cpu!,
      goal: '≥ 20 GFLOP/s',
    },
    { case: 'matmul', params, backend: 'cpu', metric: 'throughput', unit: 'GFLOP/s', value: gflops.cpu!, note: 'side by side with wasm' },
    {
      case: 'matmul b^T',
      params: { ...params, transposeB: true },
      backend: 'wasm',
      metric: 'throughput',
      unit: 'GFLOP/s',
      value: gflopsT.wasm!,
      reference: { name: 'same, b not transposed', value: gflops.wasm! },
      ratio: gflopsT.wasm! / gflops.wasm!,
      note: 'stock tfjs-wasm runs this on its scalar path; @neurite/tensor routes it to XNNPACK',
    },
  ];
}

async function gatherRows(ctx: SuiteContext): Promise<BenchResult[]> {
  const nRows = 2000;
  const nCols = 5000;
  const k = 70;
  const p = 0.1; // 2000 x 5000 x 0.1 = 1e6 nnz expected
  const goal = '≥ 3e8 elements/s';
  const rng = createRng(2);
  const rows = rng.sampleWithoutReplacement(nRows, k);
  const rowsT = tf.tensor1d(rows, 'int32');
  const out = new Float32Array(nCols);
  const results: BenchResult[] = [];

  // tf.gather + tf.sum over the same dense matrix, read back like our Float32Array result.
  const tfGatherSum = async (m: Tensor, elements: number) => {
    const us = await ctx.measure(
      async () => {
        const s = tf.tidy(() => tf.sum(tf.gather(m, rowsT), 0));
        await s.data();
        s.dispose();
      },
      { inner: 5 },
    );
    return elements / (us * 1e-6);
  };

  ctx.progress(`gatherRowsSum: ${k} rows of a ${nRows}x${nCols} dense block`);
  const dense = { nRows, nCols, data: rng.uniformArray(new Float32Array(nRows * nCols), -1, 1) as Float32Array };
  const denseElements = k * nCols;
  const usDense = await ctx.measure(() => gatherRowsSum(dense, rows, out), { inner: 20 });
  const denseT = tf.tensor2d(dense.data, [nRows, nCols]);
  const refDense = await tfGatherSum(denseT, denseElements);
  denseT.dispose();
  const vDense = denseElements / (usDense * 1e-6);
  results.push({
    case: 'gatherRowsSum dense',
    params: { rows: k, nRows, nCols },
    backend: 'js',
    metric: 'throughput',
    unit: 'elements/s',
    value: vDense,
    reference: { name: `tf.gather+sum (${ctx.backend})`, value: refDense },
    ratio: vDense / refDense,
    goal,
  });

  ctx.progress(`gatherRowsSum: ${k} rows of a ${nRows}x${nCols} CSR with ~1e6 nnz`);
  const csr = randomCSR(nRows, nCols, p, rng, { weight: (r) => r.uniform() * 2 - 1 });
  const nnz = csr.indptr[nRows];
  let csrElements = 0;
  for (const r of rows) csrElements += csr.indptr[r + 1] - csr.indptr[r];
  const usCsr = await ctx.measure(() => gatherRowsSum(csr, rows, out), { inner: 50 });
  const densified = new Float32Array(nRows * nCols);
  for (let r = 0; r < nRows; r++) {
    for (let j = csr.indptr[r]; j < csr.indptr[r + 1]; j++) densified[r * nCols + csr.indices[j]] = csr.data ? csr.data[j] : 1;
  }
  const csrDenseT = tf.tensor2d(densified, [nRows, nCols]);
  // Same output vector from the dense equivalent; elements counted as the CSR entries summed, so ratio = speed-up.
  const refCsr = await tfGatherSum(csrDenseT, csrElements);
  csrDenseT.dispose();
  rowsT.dispose();
  const vCsr = csrElements / (usCsr * 1e-6);
  results.push({
    case: 'gatherRowsSum CSR',
    params: { rows: k, nRows, nCols, nnz },
    backend: 'js',
    metric: 'throughput',
    unit: 'elements/s',
    value: vCsr,
    reference: { name: `tf.gather+sum dense (${ctx.backend})`, value: refCsr },
    ratio: vCsr / refCsr,
    goal,
    note: `elements = ${csrElements} stored entries in the ${k} rows`,
  });
  return results;
}

async function topKRow(ctx: SuiteContext): Promise<BenchResult> {
  const n = 1_000_000;
  const k = 1000;
  const params = { n, k };
  ctx.progress(`topK n=${n} k=${k}`);
  const values = createRng(3).normalArray(new Float32Array(n)) as Float32Array;
  const us = await ctx.measure(() => topK(values, k));
  const t = tf.tensor1d(values);
  const usRef = await ctx.measure(async () => {
    const r = tf.topk(t, k, true);
    await r.values.data();
    await r.indices.data();
    r.values.dispose();
    r.indices.dispose();
  });
  t.dispose();
  return {
    case: 'topK',
    params,
    backend: 'js',
    metric: 'time',
    unit: 'ms',
    value: us / 1000,
    reference: { name: `tf.topk (${ctx.backend})`, value: usRef / 1000 },
    ratio: us / usRef,
    goal: '≤ 5 ms',
  };
}

async function fftRows(ctx: SuiteContext, numpy: NumpyTimes | undefined): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const [n, goal] of [
    [1024, '≤ 20 us'],
    [10000, '≤ 350 us'],
  ] as const) {
    const params = { n, batch: 1 };
    ctx.progress(`rfft+irfft n=${n}`);
    const plan = realFftPlan(n);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(0.37 * i) + 0.5 * Math.cos((1.3 * i * i) / n);
    const spec = new Float64Array(2 * plan.bins);
    const y = new Float64Array(n);
    const us = await ctx.measure(
      () => {
        plan.forward(x, spec);
        plan.inverse(spec, y);
      },
      { inner: n <= 1024 ? 200 : 20 },
    );
    const ref = numpy?.rfft_irfft_us[String(n)];
    rows.push({
      case: 'rfft+irfft',
      params,
      backend: 'js',
      metric: 'time',
      unit: 'us',
      value: us,
      goal,
      ...(ref !== undefined ? { reference: { name: 'numpy', value: ref }, ratio: us / ref } : {}),
    });
  }
  return rows;
}

async function randomCsrRows(ctx: SuiteContext): Promise<BenchResult[]> {
  const n = ctx.quick ? 20_000 : 100_000;
  const p = 0.01;
  const params: Record<string, unknown> = { nRows: n, nCols: n, p, ...(ctx.quick ? { quick: 'reduced from 1e5 x 1e5' } : {}) };
  ctx.progress(`randomCSR ${n}x${n} p=${p} (E[nnz] = ${(n * n * p).toExponential(1)})`);
  let seed = 10;
  let last: CSR | undefined;
  const us = await ctx.measure(
    () => {
      last = undefined;
      last = randomCSR(n, n, p, createRng(seed++));
    },
    { warmup: 1, repeats: 3 },
  );
  const csr = last!;
  const nnz = csr.indptr[csr.nRows];
  // Memory actually held: the whole buffers behind the arrays (a view over a larger buffer counts in full).
  const bytes = csr.indptr.buffer.byteLength + csr.indices.buffer.byteLength + (csr.data ? csr.data.buffer.byteLength : 0);
  return [
    { case: 'randomCSR', params: { ...params, nnz }, backend: 'js', metric: 'time', unit: 's', value: us / 1e6, goal: '≤ 1.5 s' },
    {
      case: 'randomCSR memory',
      params: { ...params, nnz },
      backend: 'js',
      metric: 'memory',
      unit: 'bytes/nnz',
      value: bytes / nnz,
      goal: '≈ 8 bytes/nnz',
      note: 'indptr + indices + float32 data buffers',
    },
  ];
}

async function normalsRow(ctx: SuiteContext, numpy: NumpyTimes | undefined): Promise<BenchResult> {
  const count = 10_000_000;
  const params = { count, dtype: 'float64' };
  ctx.progress(`${count} standard normals`);
  const rng = createRng(4);
  const out = new Float64Array(count);
  const us = await ctx.measure(() => rng.normalArray(out), { warmup: 1, repeats: ctx.quick ? 3 : 7 });
  const ref = numpy?.normals_s;
  return {
    case: 'normals',
    params,
    backend: 'js',
    metric: 'time',
    unit: 's',
    value: us / 1e6,
    goal: '≤ 0.2 s',
    ...(ref !== undefined ? { reference: { name: 'numpy', value: ref }, ratio: us / 1e6 / ref } : {}),
  };
}

export const tensorSuite: Suite = {
  name: 'tensor',
  description: 'matmul (wasm vs cpu), gatherRowsSum, topK, rfft+irfft, randomCSR, normals',
  async run(ctx) {
    const numpy = ctx.pythonReference<NumpyTimes>('tensor.py', ctx.quick ? ['--quick'] : []);
    const results: BenchResult[] = [];
    results.push(...(await matmulRows(ctx)));
    results.push(...(await gatherRows(ctx)));
    results.push(await topKRow(ctx));
    results.push(...(await fftRows(ctx, numpy)));
    results.push(...(await randomCsrRows(ctx)));
    results.push(await normalsRow(ctx, numpy));
    return results;
  },
};
