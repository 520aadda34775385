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
 * - 1e7 standard normals (s) against numpy;
 * - the worker pool: matmul 1024² and batched bind 1000×1024 on 2 workers against 1,
 *   the crossover below which work stays on the calling thread, 1e7 normals on 2 workers,
 *   poolRandomCSR 5e4² p = 0.01 on 2 workers against the calling thread;
 * - HRR kernels against numpy: bind D = 10000, bundle 1000×1024 (one thread, and two threads on
 *   the arena's shared memory), cleanup 100 queries ×
 *   1000 items × D = 10000 (cosine + argmax, 2 workers);
 * - bandwidth: bundle and dot bytes/s against a plain copy in the same run;
 *
 * Every numpy reference is timed in alternation with our side (pairedWithNumpy: three
 * rounds of ours then numpy's, the round of the median ratio reported), so that the load of a
 * shared machine falls on both alike.
 * - webgpu in Node (Dawn; SwiftShader without a GPU): each Neurite webgpu kernel
 *   against the cpu result, with its time.
 */
import {
  tf,
  setBackend,
  createRng,
  createSimdArena,
  createWorkerPool,
  csrToTensors,
  dot,
  gatherRowsSum,
  gatherRowsSumTensor,
  neuronStep,
  BUNDLE_CROSSOVER,
  BUNDLE_WORKERS_MIN_COLS,
  CONVOLVE_CROSSOVER,
  MATMUL_CROSSOVER,
  poolBundle,
  poolConvolve,
  poolMatMul,
  poolNormalFill,
  poolRandomCSR,
  poolScores,
  randomCSR,
  realFftPlan,
  sharedArray,
  spmvTensor,
  topK,
  type BackendName,
  type CSR,
  type Tensor,
  type WorkerPool,
} from '@neurite/tensor';
import type { BenchResult, Suite, SuiteContext } from '../suite.js';

interface NumpyTimes {
  numpy: string;
  rfft_irfft_us?: Record<string, number>;
  normals_s?: number;
  bind_us?: number;
  bundle_us?: number;
  cleanup_ms?: number;
}

type NumpyCase = 'fft' | 'normals' | 'bind' | 'bundle' | 'cleanup';

const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];

/**
 * A case timed against numpy in alternation: `rounds` times (3, or 1 with --quick) our
 * timing `js()`, then references/tensor.py timing only `key`, so that the load of a shared
 * machine falls on both alike. value, reference and ratio (= value / reference) come from the
 * round whose ratio is the median of the rounds'. Without numpy: the median value alone.
 */
async function pairedWithNumpy(
  ctx: SuiteContext,
  key: NumpyCase,
  pick: (t: NumpyTimes) => number | undefined,
  js: () => Promise<number>,
): Promise<{ value: number; ref?: number; ratio?: number; note: string }> {
  const rounds = ctx.quick ? 1 : 3;
  const values: number[] = [];
  const refs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const v = await js();
    values.push(v);
    const t = ctx.pythonReference<NumpyTimes>('tensor.py', ['--only', key, ...(ctx.quick ? ['--quick'] : [])]);
    const ref = t === undefined ? undefined : pick(t);
    if (ref !== undefined) {
      refs.push(ref);
      ratios.push(v / ref);
    }
  }
  if (refs.length === 0) return { value: medianOf(values), note: 'numpy not available: no reference' };
  // the round whose ratio is the median: value, reference and ratio = value / reference all from it
  const k = ratios.indexOf(medianOf(ratios));
  return {
    value: values[k],
    ref: refs[k],
    ratio: values[k] / refs[k],
    note: `${rounds} alternating rounds (ours, then numpy), the round of the median ratio shown; ratios [${ratios.map((x) => x.toFixed(2)).join(', ')}]`,
  };
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

async function fftRows(ctx: SuiteContext): Promise<BenchResult[]> {
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
    const p = await pairedWithNumpy(
      ctx,
      'fft',
      (t) => t.rfft_irfft_us?.[String(n)],
      () =>
        ctx.measure(
          () => {
            plan.forward(x, spec);
            plan.inverse(spec, y);
          },
          { inner: n <= 1024 ? 200 : 20 },
        ),
    );
    rows.push({
      case: 'rfft+irfft',
      params,
      backend: 'js',
      metric: 'time',
      unit: 'us',
      value: p.value,
      goal,
      ...(p.ref !== undefined ? { reference: { name: 'numpy', value: p.ref }, ratio: p.ratio } : {}),
      note: p.note,
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

async function normalsRow(ctx: SuiteContext): Promise<BenchResult> {
  const count = 10_000_000;
  const params = { count, dtype: 'float64' };
  ctx.progress(`${count} standard normals`);
  const rng = createRng(4);
  const out = new Float64Array(count);
  const p = await pairedWithNumpy(
    ctx,
    'normals',
    (t) => (t.normals_s === undefined ? undefined : t.normals_s * 1e6),
    () => ctx.measure(() => rng.normalArray(out), { warmup: 1, repeats: ctx.quick ? 3 : 7 }),
  );
  return {
    case: 'normals',
    params,
    backend: 'js',
    metric: 'time',
    unit: 's',
    value: p.value / 1e6,
    goal: '≤ 0.2 s',
    ...(p.ref !== undefined ? { reference: { name: 'numpy', value: p.ref / 1e6 }, ratio: p.ratio } : {}),
    note: p.note,
  };
}

function normalsF32(n: number, seed: number): Float32Array {
  return createRng(seed).normalArray(new Float32Array(n)) as Float32Array;
}

function shared(a: Float32Array): Float32Array {
  const s = sharedArray(Float32Array, a.length);
  s.set(a);
  return s;
}

/**
 * Time of `f` on a pool of 1 and of 2 workers, the two timed alternately
 * (1, 2, 1, 2, …) so that load from other processes falls on both alike;
 * medians of `repeats` each. The results must be bit-identical.
 */
async function oneVsTwo(ctx: SuiteContext, pools: WorkerPool[], f: (pool: WorkerPool) => Promise<Float32Array>, repeats: number) {
  const outs = [await f(pools[0]), await f(pools[1])];
  await f(pools[0]);
  await f(pools[1]);
  const times: number[][] = [[], []];
  const cpu: number[][] = [[], []];
  for (let r = 0; r < (ctx.quick ? 3 : repeats); r++) {
    for (const w of [0, 1]) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await f(pools[w]);
      times[w].push((performance.now() - t0) * 1000);
      const c = process.cpuUsage(c0);
      cpu[w].push(c.user + c.system);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
  const same = outs[0].length === outs[1].length && outs[0].every((v, i) => Object.is(v, outs[1][i]));
  // CPU time of the whole process (all threads) per call: the work the workers did, whatever share of the cores they got.
  const cpuNote = `CPU time per call ${(median(cpu[0]) / 1000).toFixed(1)} ms (1 worker) vs ${(median(cpu[1]) / 1000).toFixed(1)} ms (2 workers); wall-time cores used ${(median(cpu[0]) / median(times[0])).toFixed(2)} vs ${(median(cpu[1]) / median(times[1])).toFixed(2)}`;
  return { one: median(times[0]), two: median(times[1]), same, cpuNote };
}

async function poolRows(ctx: SuiteContext, pools: WorkerPool[]): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const cpus = (await import('node:os')).availableParallelism();
  const loadNote = `${cpus} cores on this machine, shared with other jobs: 2 workers can reach 2× only on 2 idle cores (Linux autogroup scheduling gives a busy machine's session one share, however many threads it runs)`;
  {
    const n = ctx.quick ? 512 : 1024;
    ctx.progress(`pool matmul ${n}² on 1 and 2 workers`);
    const a = shared(normalsF32(n * n, 11));
    const b = shared(normalsF32(n * n, 12));
    const t = await oneVsTwo(ctx, pools, (pool) => poolMatMul(pool, a, b, { m: n, k: n, n, inline: false }), 11);
    const gf = (us: number) => (2 * n ** 3) / (us * 1e-6) / 1e9;
    rows.push({
      case: 'pool matmul',
      params: { n, workers: 2 },
      backend: 'wasm workers',
      metric: 'throughput',
      unit: 'GFLOP/s',
      value: gf(t.two),
      reference: { name: '1 worker', value: gf(t.one) },
      ratio: gf(t.two) / gf(t.one),
      goal: 'ratio ≥ 1.7',
      note: `${t.same ? 'bit-identical' : 'DIFFERENT'} results for 1 and 2 workers; ${t.cpuNote}; ${loadNote}`,
    });
  }
  {
    const r = ctx.quick ? 200 : 1000;
    const n = 1024;
    ctx.progress(`pool batched bind ${r}×${n} on 1 and 2 workers`);
    const a = shared(normalsF32(r * n, 13));
    const b = shared(normalsF32(r * n, 14));
    const t = await oneVsTwo(ctx, pools, (pool) => poolConvolve(pool, a, b, { n, inline: false }), 21);
    rows.push({
      case: 'pool batched bind',
      params: { rows: r, n, workers: 2 },
      backend: 'js workers',
      metric: 'throughput',
      unit: 'rows/s',
      value: r / (t.two * 1e-6),
      reference: { name: '1 worker', value: r / (t.one * 1e-6) },
      ratio: t.one / t.two,
      goal: 'ratio ≥ 1.7',
      note: `ratio = speed-up (rows/s on 2 workers / rows/s on 1); ${t.same ? 'bit-identical' : 'DIFFERENT'} results; ${t.cpuNote}; ${loadNote}`,
    });
  }
  // Crossover: calling thread vs 2 workers for batched bind of growing row counts (n = 1024).
  for (const r of ctx.quick ? [8, 64] : [8, 32, 64, 128]) {
    const n = 1024;
    ctx.progress(`pool crossover: bind ${r}×${n}`);
    const a = shared(normalsF32(r * n, 15));
    const b = shared(normalsF32(r * n, 16));
    const inl = await ctx.measure(() => poolConvolve(pools[1], a, b, { n, inline: true }));
    const two = await ctx.measure(() => poolConvolve(pools[1], a, b, { n, inline: false }));
    rows.push({
      case: 'pool crossover bind',
      params: { rows: r, n },
      backend: 'js',
      metric: 'time',
      unit: 'us',
      value: two,
      reference: { name: 'calling thread', value: inl },
      ratio: two / inl,
      goal: r * n >= CONVOLVE_CROSSOVER ? 'ratio < 1 (at or above the crossover)' : 'ratio ≥ 1 (below the crossover)',
      note: `ratio < 1: the 2 workers win (CONVOLVE_CROSSOVER = ${CONVOLVE_CROSSOVER} elements = ${CONVOLVE_CROSSOVER / n} rows here)`,
    });
  }
  // Crossover: calling thread (XNNPACK in this thread's wasm backend) vs 2 workers for square products around MATMUL_CROSSOVER.
  await setBackend('wasm');
  for (const s of ctx.quick ? [128] : [128, 161, 256]) {
    ctx.progress(`pool crossover: matmul ${s}³`);
    const a = shared(normalsF32(s * s, 18));
    const b = shared(normalsF32(s * s, 19));
    const inl = await ctx.measure(() => poolMatMul(pools[1], a, b, { m: s, k: s, n: s, inline: true }));
    const two = await ctx.measure(() => poolMatMul(pools[1], a, b, { m: s, k: s, n: s, inline: false }));
    rows.push({
      case: 'pool crossover matmul',
      params: { m: s, k: s, n: s },
      backend: 'wasm',
      metric: 'time',
      unit: 'us',
      value: two,
      reference: { name: 'calling thread (wasm)', value: inl },
      ratio: two / inl,
      goal: s ** 3 >= MATMUL_CROSSOVER ? 'ratio < 1 (at or above the crossover)' : 'ratio ≥ 1 (below the crossover)',
      note: `ratio < 1: the 2 workers win (MATMUL_CROSSOVER = ${MATMUL_CROSSOVER} multiply-adds ≈ ${Math.round(Math.cbrt(MATMUL_CROSSOVER))}³)`,
    });
  }
  await setBackend(ctx.backend);
  // poolBundle goes to the workers only from BUNDLE_CROSSOVER elements with rows of more than BUNDLE_WORKERS_MIN_COLS columns (shorter rows are
  // copied into wasm memory whole, which a column block cannot do): 1024 columns stay on the calling thread at any row count.
  for (const [r, c] of ctx.quick
    ? [[256, 1024]]
    : [
        [1024, 1024],
        [4096, 1024],
        [20, 10000],
        [100, 10000],
        [400, 10000],
      ]) {
    ctx.progress(`pool crossover: bundle ${r}×${c}`);
    const x = shared(normalsF32(r * c, 17));
    const inl = await ctx.measure(() => poolBundle(pools[1], x, { cols: c, inline: true }));
    const two = await ctx.measure(() => poolBundle(pools[1], x, { cols: c, inline: false }));
    const onWorkers = r * c >= BUNDLE_CROSSOVER && c > BUNDLE_WORKERS_MIN_COLS;
    rows.push({
      case: 'pool crossover bundle',
      params: { rows: r, cols: c },
      backend: 'js',
      metric: 'time',
      unit: 'us',
      value: two,
      reference: { name: 'calling thread', value: inl },
      ratio: two / inl,
      goal: onWorkers ? 'ratio < 1 (poolBundle uses the workers here)' : 'ratio ≥ 1 (poolBundle stays on the calling thread here)',
      note: `ratio < 1: the 2 workers win (workers from BUNDLE_CROSSOVER = ${BUNDLE_CROSSOVER} elements, rows of > ${BUNDLE_WORKERS_MIN_COLS} columns)`,
    });
  }
  {
    const count = 10_000_000;
    ctx.progress(`pool normals ${count} on 2 workers`);
    const out = sharedArray(Float64Array, count);
    const p = await pairedWithNumpy(
      ctx,
      'normals',
      (t) => (t.normals_s === undefined ? undefined : t.normals_s * 1e6),
      () => ctx.measure(() => poolNormalFill(pools[1], 4, out, { inline: false }), { warmup: 1, repeats: ctx.quick ? 3 : 7 }),
    );
    rows.push({
      case: 'pool normals',
      params: { count, dtype: 'float64', workers: 2 },
      backend: 'js workers',
      metric: 'time',
      unit: 's',
      value: p.value / 1e6,
      goal: 'ratio ≤ 1.0',
      ...(p.ref !== undefined ? { reference: { name: 'numpy', value: p.ref / 1e6 }, ratio: p.ratio } : {}),
      note: `one generator per 2^18-element block: same values for any worker count; ${p.note}`,
    });
  }
  {
    // 2.5e7 entries (200 MB a matrix; two are held for the comparison) on a shared machine
    const n = ctx.quick ? 20_000 : 50_000;
    const prob = 0.01;
    ctx.progress(`pool randomCSR ${n}² p=${prob} on 2 workers and on the calling thread`);
    const pool0 = await createWorkerPool({ workers: 0 });
    const draw = (pool: WorkerPool) => poolRandomCSR(pool, n, n, prob, 5, { inline: pool.size === 0 });
    const bytes = (a: ArrayBufferView | null) => (a === null ? Buffer.alloc(0) : Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    let same: boolean;
    let nnz: number;
    {
      const x = await draw(pool0);
      const y = await draw(pools[1]);
      same = bytes(x.indptr).equals(bytes(y.indptr)) && bytes(x.indices).equals(bytes(y.indices)) && bytes(x.data).equals(bytes(y.data));
      nnz = x.indptr[n];
    }
    const times: number[][] = [[], []];
    for (let r = 0; r < (ctx.quick ? 1 : 3); r++) {
      for (const [w, pool] of [pool0, pools[1]].entries()) {
        const t0 = performance.now();
        await draw(pool);
        times[w].push((performance.now() - t0) * 1000);
      }
    }
    const one = medianOf(times[0]);
    const two = medianOf(times[1]);
    rows.push({
      case: 'pool randomCSR',
      params: { nRows: n, nCols: n, p: prob, nnz, workers: 2 },
      backend: 'js workers',
      metric: 'throughput',
      unit: 'entries/s',
      value: nnz / (two * 1e-6),
      reference: { name: 'calling thread (same blocks)', value: nnz / (one * 1e-6) },
      ratio: one / two,
      goal: 'ratio ≥ 1.7',
      note: `ratio = speed-up (${(two / 1e6).toFixed(2)} s on 2 workers, ${(one / 1e6).toFixed(2)} s on the calling thread); ${same ? 'bit-identical' : 'DIFFERENT'} matrices on 2 workers and on the calling thread; timed alternately; ${loadNote}`,
    });
  }
  return rows;
}

async function hrrRows(ctx: SuiteContext, pools: WorkerPool[]): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const refOf = (p: { ref?: number; ratio?: number }, name: string, scale = 1) =>
    p.ref !== undefined ? { reference: { name, value: p.ref * scale }, ratio: p.ratio } : {};
  {
    const d = 10000;
    ctx.progress(`bind D=${d}`);
    const plan = realFftPlan(d);
    const a = createRng(21).normalArray(new Float64Array(d));
    const b = createRng(22).normalArray(new Float64Array(d));
    const out = new Float64Array(d);
    const p = await pairedWithNumpy(
      ctx,
      'bind',
      (t) => t.bind_us,
      () => ctx.measure(() => plan.convolve(a, b, out), { inner: 20 }),
    );
    rows.push({
      case: 'bind',
      params: { d, dtype: 'float64' },
      backend: 'js',
      metric: 'time',
      unit: 'us',
      value: p.value,
      goal: 'ratio ≤ 1.0',
      ...refOf(p, 'numpy irfft(rfft·rfft)'),
      note: `realFftPlan.convolve: three half-length complex FFTs with the product fused between them; ${p.note}`,
    });
  }
  {
    const [r, c] = [1000, 1024];
    ctx.progress(`bundle ${r}×${c}`);
    const x = normalsF32(r * c, 23);
    const pb = await pairedWithNumpy(
      ctx,
      'bundle',
      (t) => t.bundle_us,
      () => ctx.measure(() => poolBundle(pools[1], x, { cols: c, inline: true }), { inner: 5 }),
    );
    rows.push({
      case: 'bundle',
      params: { rows: r, cols: c, dtype: 'float32' },
      backend: 'wasm SIMD',
      metric: 'time',
      unit: 'us',
      value: pb.value,
      goal: 'ratio ≤ 1.0',
      ...refOf(pb, 'numpy sum(axis=0)'),
      note: `poolBundle on the calling thread (below the crossover), an ordinary Float32Array: copied in cache-sized chunks into a SIMD loop with float64 lanes (float64 accumulation, more exact than numpy's float32); ${pb.note}`,
    });
    const arena = createSimdArena(4 * (r * c + c) + 65536);
    const xs = arena.alloc(r * c);
    xs.set(x);
    const out = arena.alloc(c);
    const ps = await pairedWithNumpy(
      ctx,
      'bundle',
      (t) => t.bundle_us,
      () => ctx.measure(() => arena.bundle(xs, c, out), { inner: 20 }),
    );
    rows.push({
      case: 'bundle SIMD',
      params: { rows: r, cols: c, dtype: 'float32' },
      backend: 'wasm SIMD',
      metric: 'time',
      unit: 'us',
      value: ps.value,
      goal: 'ratio ≤ 1.0',
      ...refOf(ps, 'numpy sum(axis=0)'),
      note: `SimdArena.bundle: f32x4 adds, 8 rows per pass, float32 accumulation in row order (as numpy), data in the arena, one thread; ${ps.note}`,
    });
    // The same arena on two threads: its memory shared with a helper (one pool worker), column chunks claimed by both.
    const arena2 = createSimdArena(4 * (r * c + c) + 65536, { pool: pools[0] });
    try {
      const xs2 = arena2.alloc(r * c);
      xs2.set(x);
      const out2 = arena2.alloc(c);
      arena2.bundle(xs2, c, out2);
      const same = out2.every((v, i) => Object.is(v, out[i]));
      const chunks0 = arena2.helperChunks();
      let calls = 0;
      const p2 = await pairedWithNumpy(
        ctx,
        'bundle',
        (t) => t.bundle_us,
        () =>
          ctx.measure(
            () => {
              calls++;
              arena2.bundle(xs2, c, out2);
            },
            { inner: 20 },
          ),
      );
      const helperShare = (arena2.helperChunks() - chunks0) / (4 * calls);
      rows.push({
        case: 'bundle SIMD 2 threads',
        params: { rows: r, cols: c, dtype: 'float32', threads: 2 },
        backend: 'wasm SIMD',
        metric: 'time',
        unit: 'us',
        value: p2.value,
        goal: 'ratio ≤ 1.0',
        ...refOf(p2, 'numpy sum(axis=0)'),
        note: `SimdArena.bundle with a helper thread (createSimdArena(bytes, { pool }), one pool worker): data already in the arena's shared memory (no copy counted: none is made), 4 column chunks claimed by the calling thread and the helper; the helper summed ${(100 * helperShare).toFixed(0)} % of the chunks; ${same ? 'bit-identical to' : 'DIFFERENT from'} one thread; ${p2.note}`,
      });
    } finally {
      await arena2.close();
    }
  }
  {
    const [nq, ni, d] = ctx.quick ? [20, 200, 10000] : [100, 1000, 10000];
    ctx.progress(`cleanup ${nq}×${ni}×${d} on 2 workers`);
    const q = normalsF32(nq * d, 24);
    const items = shared(normalsF32(ni * d, 25));
    const run = () =>
      ctx.measure(
        async () => {
          const s = await poolScores(pools[1], q, items, { d, cosine: true, inline: false });
          const best = new Int32Array(nq);
          for (let a = 0; a < nq; a++) {
            let bi = 0;
            for (let i = 1; i < ni; i++) if (s[a * ni + i] > s[a * ni + bi]) bi = i;
            best[a] = bi;
          }
          return best;
        },
        { warmup: 1, repeats: ctx.quick ? 3 : 7 },
      );
    // numpy's cleanup is timed at the full size only
    const p = ctx.quick
      ? { value: await run(), note: '--quick: reduced size, no reference' }
      : await pairedWithNumpy(ctx, 'cleanup', (t) => (t.cleanup_ms === undefined ? undefined : t.cleanup_ms * 1000), run);
    rows.push({
      case: 'cleanup',
      params: { queries: nq, items: ni, d, workers: 2 },
      backend: 'wasm workers',
      metric: 'time',
      unit: 'ms',
      value: p.value / 1000,
      goal: 'ratio ≤ 2.0 (CPU)',
      ...refOf(p, 'numpy (BLAS, both cores)', 1e-3),
      note: `cosine scores (XNNPACK per worker, queries transposed and packed once per worker) + argmax; ${p.note}`,
    });
  }
  return rows;
}

async function bandwidthRows(ctx: SuiteContext): Promise<BenchResult[]> {
  const n = ctx.quick ? 1 << 22 : 1 << 24; // float32 elements: 16 Mi = 64 MiB per array
  ctx.progress(`bandwidth: copy, bundle, dot over ${(4 * n) / 2 ** 20} MiB arrays`);
  const arena = createSimdArena(4 * (2 * n + 4096) + 65536);
  const a = arena.alloc(n);
  const b = arena.alloc(n);
  createRng(31).normalArray(a);
  createRng(32).normalArray(b);
  const c = new Float32Array(n);
  const cols = 1024;
  const sums = arena.alloc(cols);
  const pool0 = await createWorkerPool({ workers: 0 });
  const opts = { repeats: ctx.quick ? 5 : 11 };
  // Interleaved in one loop so that the load on the machine hits every kernel alike.
  const usCopy = await ctx.measure(() => c.set(a), opts);
  const usBundle = await ctx.measure(() => arena.bundle(a, cols, sums), opts);
  const usDot = await ctx.measure(() => arena.dot(a, b), opts);
  const usBundleJs = await ctx.measure(() => poolBundle(pool0, a, { cols, inline: true }), opts);
  const usDotJs = await ctx.measure(() => dot(a, b), opts);
  const copyBps = (8 * n) / (usCopy * 1e-6); // read + write
  const row = (name: string, bytes: number, us: number, note: string): BenchResult => ({
    case: name,
    params: { bytes },
    backend: name.includes('JS') ? 'js' : 'wasm SIMD',
    metric: 'throughput',
    unit: 'bytes/s',
    value: bytes / (us * 1e-6),
    reference: { name: 'copy (TypedArray.set, bytes read + written)', value: copyBps },
    ratio: bytes / (us * 1e-6) / copyBps,
    goal: 'ratio ≥ 0.5',
    note,
  });
  return [
    {
      case: 'copy',
      params: { bytes: 4 * n },
      backend: 'js',
      metric: 'throughput',
      unit: 'bytes/s',
      value: copyBps,
      note: 'memcpy: the bandwidth limit of one core',
    },
    row('bundle bandwidth', 4 * n, usBundle, `SimdArena.bundle of [${n / cols}, ${cols}]: bytes read`),
    row('dot bandwidth', 8 * n, usDot, 'SimdArena.dot: bytes read (both vectors)'),
    row(
      'bundle bandwidth JS',
      4 * n,
      usBundleJs,
      'poolBundle on the calling thread, an ordinary Float32Array (chunked copy + SIMD float64 lanes)',
    ),
    row(
      'dot bandwidth JS',
      8 * n,
      usDotJs,
      'dot of ordinary Float32Arrays (chunked copy + SIMD float64 lanes, bit-identical to the scalar loop)',
    ),
  ];
}

/** Max |x - y| and whether it is within atol + rtol |y| everywhere. */
function agree(x: ArrayLike<number>, y: ArrayLike<number>, atol: number, rtol: number): { err: number; ok: boolean } {
  let err = 0;
  let ok = x.length === y.length;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const e = Math.abs(x[i] - y[i]);
    err = Math.max(err, e);
    if (!(e <= atol + rtol * Math.abs(y[i]))) ok = false;
  }
  return { err, ok };
}

/** The Neurite webgpu kernels (and a matmul) in Node through Dawn, each against the cpu backend. */
async function webgpuRows(ctx: SuiteContext): Promise<BenchResult[]> {
  const rng = createRng(41);
  const nRows = 2000;
  const nCols = 1000;
  const csr = randomCSR(nRows, nCols, 0.05, rng, { weight: (r) => r.uniform() * 2 - 1 });
  const dense = rng.uniformArray(new Float32Array(nRows * nCols), -1, 1) as Float32Array;
  const sel = Array.from(rng.sampleWithoutReplacement(nRows, 100));
  const x = rng.normalArray(new Float32Array(nCols)) as Float32Array;
  const xs = rng.normalArray(new Float32Array(64 * 4096)) as Float32Array;
  const mm = rng.normalArray(new Float32Array(256 * 256)) as Float32Array;
  const cases: Array<{ name: string; params: Record<string, unknown>; run: () => Promise<Float32Array> }> = [
    {
      name: 'matMul',
      params: { n: 256 },
      run: async () => {
        const t = tf.tidy(() => tf.matMul(tf.tensor2d(mm, [256, 256]), tf.tensor2d(mm, [256, 256])));
        const v = (await t.data()) as Float32Array;
        t.dispose();
        return v;
      },
    },
    {
      name: 'GatherRowsSum (dense)',
      params: { rows: 100, nRows, nCols },
      run: async () => {
        const m = tf.tensor2d(dense, [nRows, nCols]);
        const t = gatherRowsSumTensor(m, sel);
        const v = (await t.data()) as Float32Array;
        tf.dispose([m, t]);
        return v;
      },
    },
    {
      name: 'SparseGatherRowsSum',
      params: { rows: 100, nRows, nCols, nnz: csr.indptr[nRows] },
      run: async () => {
        const m = csrToTensors(csr);
        const t = gatherRowsSumTensor(m, sel);
        const v = (await t.data()) as Float32Array;
        tf.dispose([m.indptr, m.indices, ...(m.data ? [m.data] : []), t]);
        return v;
      },
    },
    {
      name: 'SparseMatVec',
      params: { nRows, nCols, nnz: csr.indptr[nRows] },
      run: async () => {
        const m = csrToTensors(csr);
        const t = spmvTensor(m, x);
        const v = (await t.data()) as Float32Array;
        tf.dispose([m.indptr, m.indices, ...(m.data ? [m.data] : []), t]);
        return v;
      },
    },
    {
      name: 'NeuronStep (LIF)',
      params: { shape: [64, 4096] },
      run: async () => {
        const input = tf.tensor2d(xs, [64, 4096]);
        const v0 = tf.mul(input, 0.5);
        const r = neuronStep(input, { v: v0 }, { aV: 0.9, bV: 0.1, threshold: 0.05 });
        const parts = [await r.v.data(), await r.spikes!.data()];
        tf.dispose([input, v0, r.v, r.spikes!]);
        const out = new Float32Array(parts[0].length * 2);
        out.set(parts[0] as Float32Array);
        out.set(parts[1] as Float32Array, parts[0].length);
        return out;
      },
    },
  ];
  const reference: Float32Array[] = [];
  await setBackend('cpu');
  for (const c of cases) reference.push(await c.run());
  try {
    await setBackend('webgpu');
  } catch (e) {
    await setBackend(ctx.backend);
    return [
      {
        case: 'webgpu (Dawn)',
        params: {},
        backend: 'webgpu',
        metric: 'time',
        unit: 'ms',
        value: Number.NaN,
        goal: 'correct',
        note: `not available: ${(e as Error).message.slice(0, 200)}`,
      },
    ];
  }
  const rows: BenchResult[] = [];
  for (const [i, c] of cases.entries()) {
    ctx.progress(`webgpu (Dawn): ${c.name}`);
    const got = await c.run();
    // float32 kernels on another device: sums of ≤ 1000 terms |v| ≤ ~4: atol 1e-3, rtol 1e-4 (≈ k · eps · Σ|terms|).
    const { err, ok } = agree(got, reference[i], 1e-3, 1e-4);
    const us = await ctx.measure(c.run, { warmup: 2, repeats: ctx.quick ? 3 : 7 });
    rows.push({
      case: `webgpu ${c.name}`,
      params: c.params,
      backend: 'webgpu (Dawn)',
      metric: 'time',
      unit: 'ms',
      value: us / 1000,
      goal: 'correct',
      note: `${ok ? 'correct' : 'WRONG'} vs cpu (max |diff| ${err.toExponential(1)}); time includes upload and read-back`,
    });
  }
  await setBackend(ctx.backend);
  return rows;
}

export const tensorSuite: Suite = {
  name: 'tensor',
  description:
    'matmul (wasm vs cpu), gatherRowsSum, topK, rfft+irfft, randomCSR, normals, worker pool, HRR kernels vs numpy, bandwidth, webgpu in Node',
  async run(ctx) {
    const results: BenchResult[] = [];
    results.push(...(await matmulRows(ctx)));
    results.push(...(await gatherRows(ctx)));
    results.push(await topKRow(ctx));
    results.push(...(await fftRows(ctx)));
    results.push(...(await randomCsrRows(ctx)));
    results.push(await normalsRow(ctx));
    const pools = [await createWorkerPool({ workers: 1 }), await createWorkerPool({ workers: 2 })];
    try {
      results.push(...(await poolRows(ctx, pools)));
      results.push(...(await hrrRows(ctx, pools)));
    } finally {
      await Promise.all(pools.map((p) => p.terminate()));
    }
    results.push(...(await bandwidthRows(ctx)));
    results.push(...(await webgpuRows(ctx)));
    return results;
  },
};
