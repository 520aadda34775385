import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tf, type Tensor2D } from '@neurite/tensor';
import {
  bind,
  bundle,
  createVsa,
  hardQuantize,
  OnlineHDClassifier,
  randomVectors,
  RecordEmbedding,
  resonator,
  SinusoidEmbedding,
  unbind,
  bindTensor,
  Vocabulary,
} from '@neurite/hrr';
import { pythonExecutable, referenceScript } from '../python.js';
import type { BenchResult, Suite } from '../suite.js';

type TorchhdRef = Record<string, number | string>;

/**
 * The torchhd side (references/hrr_torchhd.py): torchhd from the checkout named by TORCHHD_SRC,
 * on the bench's Python (Debian's /usr/bin/python3 carries torch), given the project's MNIST split in a temporary
 * file. Undefined when TORCHHD_SRC, that Python or torch is missing: the reference fields are then absent.
 */
function torchhdReference(file: string, args: string[]): TorchhdRef | undefined {
  if (!process.env.TORCHHD_SRC) return undefined;
  const r = spawnSync(pythonExecutable(), [referenceScript('hrr_torchhd.py'), '--mnist', file, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    env: process.env,
  });
  if (r.status !== 0) {
    process.stderr.write(`[bench] hrr_torchhd.py: ${(r.stdout || r.stderr).split('\n').slice(-3).join(' ')}\n`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as TorchhdRef;
}

/** Unit-Euclidean-norm rows (the OnlineHD input scaling used on both sides). */
function unitRows(x: Float32Array, n: number, f: number): Float32Array {
  const o = new Float32Array(x.length);
  for (let r = 0; r < n; r++) {
    let e = 0;
    for (let j = 0; j < f; j++) e += x[r * f + j] ** 2;
    const k = 1 / Math.sqrt(e || 1);
    for (let j = 0; j < f; j++) o[r * f + j] = x[r * f + j] * k;
  }
  return o;
}

type Ref = Record<string, number>;

/**
 * hrr suite: bind, bind+unbind, batch bind, bundle and cleanup against the project's numpy
 * implementation of the same operations (references/hrr.py, measured in the same run when
 * python3 has numpy), plus the batch sweep 1…1000 of the typed-array path (`bind`) beside the
 * tensor path (`bindTensor`: upload, tf.spectral, download) on the active backend; each case shows
 * the project's goal.
 */
export const hrrSuite: Suite = {
  name: 'hrr',
  description: 'holographic reduced representations: bind, unbind, bundle, batched cleanup',
  async run(ctx) {
    const results: BenchResult[] = [];
    const ref = ctx.pythonReference<Ref>('hrr.py', ctx.quick ? ['--quick'] : []);
    const push = (r: Omit<BenchResult, 'backend' | 'metric' | 'unit'> & { unit?: string }, refKey?: string) => {
      const row: BenchResult = { backend: ctx.backend, metric: 'time', unit: 'us', ...r };
      const rv = refKey && ref ? ref[refKey] : undefined;
      if (typeof rv === 'number' && Number.isFinite(rv)) {
        row.reference = { name: 'numpy', value: rv };
        row.ratio = row.value / rv;
      }
      results.push(row);
    };

    ctx.progress('bind');
    for (const D of [1024, 10000]) {
      const a = randomVectors('hrr', D, 1),
        b = randomVectors('hrr', D, 2),
        out = new Float32Array(D);
      const us = await ctx.measure(() => bind(a, b, { out }), { inner: D === 1024 ? 50 : 10 });
      push({ case: 'bind', params: { D, batch: 1 }, value: us, goal: D === 1024 ? '≤ 40 us, ratio ≤ 1' : '≤ 700 us' }, `bind_${D}`);
    }

    ctx.progress('bind + unbind');
    {
      const a = randomVectors('hrr', 512, 3),
        b = randomVectors('hrr', 512, 4);
      const c = new Float32Array(512),
        u = new Float32Array(512);
      const us = await ctx.measure(
        () => {
          bind(a, b, { out: c });
          unbind(c, a, { out: u });
        },
        { inner: 50 },
      );
      push({ case: 'bind+unbind', params: { D: 512 }, value: us, goal: '< 1000 us (aim ≤ 60 us)' }, 'bind_unbind_512');
    }

    ctx.progress('batched bind sweep (CPU path and tensor path)');
    const D = 1024;
    for (const n of [1, 10, 100, 1000]) {
      const A = randomVectors('hrr', D, 5, n),
        B = randomVectors('hrr', D, 6, n),
        out = new Float32Array(n * D);
      const us = await ctx.measure(() => bind(A, B, { dim: D, out }), { inner: Math.max(1, 100 / n) });
      push(
        {
          case: 'bind batch',
          params: { D, batch: n, path: 'cpu' },
          value: us,
          goal: n === 100 ? '≤ 2000 us' : 'linear in batch',
          note: `${(us / n).toFixed(2)} us/row`,
        },
        `batch_bind_${n}x1024`,
      );
      // the tensor path: upload, bindTensor (tf.spectral), download (dataSync is exact on cpu and wasm, the Node backends)
      const ust = await ctx.measure(
        () => {
          const x = tf.tensor2d(A, [n, D]) as Tensor2D,
            y = tf.tensor2d(B, [n, D]) as Tensor2D;
          const z = bindTensor(x, y);
          z.dataSync();
          tf.dispose([x, y, z]);
        },
        { inner: Math.max(1, 10 / n) },
      );
      push({
        case: 'bind batch tensor',
        params: { D, batch: n, path: 'tensor' },
        value: ust,
        note: `${(ust / n).toFixed(2)} us/row; ${(ust / us).toFixed(2)}x the CPU path`,
      });
    }

    ctx.progress('bundle');
    {
      const V = randomVectors('hrr', 1024, 7, 1000),
        out = new Float32Array(1024);
      const us = await ctx.measure(() => bundle(V, 1024, { out }), { inner: 5 });
      push({ case: 'bundle', params: { n: 1000, D: 1024 }, value: us, goal: '≤ 1000 us' }, 'bundle_1000x1024');
    }

    ctx.progress('cleanup (1000 items, D = 10000)');
    {
      const Dc = 10000,
        m = 1000,
        q = 100;
      const vocab = new Vocabulary(createVsa({ model: 'hrr', dim: Dc }), 8, { maxSimilarity: 1 });
      vocab.add(
        Array.from({ length: m }, (_, i) => `item${i}`),
        randomVectors('hrr', Dc, 8, m),
      );
      const Q = randomVectors('hrr', Dc, 9, q);
      const batched = await ctx.measure(() => vocab.cleanup(Q, { k: 1 }), { repeats: ctx.quick ? 3 : 9, warmup: 1 });
      push(
        {
          case: 'cleanup batched',
          params: { queries: q, items: m, D: Dc },
          value: batched / q,
          goal: '≤ 1500 us per query',
          note: 'time per query',
        },
        'cleanup_batched_per_query',
      );
      const one = Q.subarray(0, Dc);
      const single = await ctx.measure(() => vocab.cleanup(one, { k: 1 }), { repeats: ctx.quick ? 5 : 15 });
      push(
        { case: 'cleanup single', params: { queries: 1, items: m, D: Dc }, value: single, note: 'one query per call' },
        'cleanup_single',
      );
      vocab.dispose();
    }

    await hdCases(ctx, results);
    return results;
  },
};

/**
 * The HD-computing figures beside torchhd (same run, same MNIST split, same sizes): Level+Random
 * record encoding of MNIST at D = 10000 (samples/s), OnlineHD epoch time and test accuracy at
 * D = 10000, resonator factorisation of 3 factors × 100 items at D = 2000 (MAP).
 */
async function hdCases(ctx: Parameters<Suite['run']>[0], results: BenchResult[]): Promise<void> {
  let datasets: { loadMnist: () => Promise<{ train: MnistSplitLike; test: MnistSplitLike }> };
  try {
    // @neurite/datasets through the workspace (a dependency the lead adds to the bench)
    datasets = (await import('@neurite/datasets' as string)) as typeof datasets;
  } catch {
    results.push({
      case: 'hd mnist',
      params: {},
      backend: ctx.backend,
      metric: 'skipped',
      unit: '',
      value: 0,
      note: '@neurite/datasets unavailable',
    });
    return;
  }
  const { train, test } = await datasets.loadMnist();
  const F = 784,
    D = 10000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neurite-hrr-'));
  const file = path.join(dir, 'mnist-split.bin');
  writeFileSync(
    file,
    Buffer.concat([train.images, train.labels, test.images, test.labels].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
  );
  const epochs = ctx.quick ? 1 : 2,
    encodeN = ctx.quick ? 200 : 1000,
    trials = ctx.quick ? 2 : 10;
  ctx.progress('torchhd reference (TORCHHD_SRC)');
  const ref = torchhdReference(file, [
    '--dim',
    String(D),
    '--epochs',
    String(epochs),
    '--encode-samples',
    String(encodeN),
    '--resonator-trials',
    String(trials),
  ]);
  rmSync(dir, { recursive: true, force: true });
  const withRef = (row: BenchResult, key: string) => {
    const rv = ref?.[key];
    if (typeof rv === 'number' && Number.isFinite(rv)) {
      row.reference = { name: `torchhd ${String(ref?.torchhd)} (torch ${String(ref?.torch)}, 1 thread)`, value: rv };
      row.ratio = row.value / rv;
    }
    results.push(row);
  };

  ctx.progress('MNIST Level+Random encoding, D = 10000');
  {
    const vsa = createVsa({ model: 'map', dim: D });
    const rec = new RecordEmbedding(vsa, F, 256, { seed: 1 });
    const x = train.images.subarray(0, encodeN * F);
    const t0 = performance.now();
    hardQuantize(rec.encode(x));
    const perS = encodeN / ((performance.now() - t0) / 1000);
    withRef(
      {
        case: 'mnist level+random encode',
        params: { D, samples: encodeN, levels: 256 },
        backend: 'cpu (typed arrays)',
        metric: 'throughput',
        unit: 'samples/s',
        value: perS,
        note: 'ratio = ours / torchhd samples/s (> 1: faster); torchhd: hash_table(Random, Level) + hard_quantize; ours: the typed map path',
      },
      'encode_samples_per_s',
    );
  }

  ctx.progress('OnlineHD, D = 10000');
  {
    const sin = new SinusoidEmbedding(F, D, 3);
    const enc = async (x: Float32Array, n: number) => {
      const out = new Float32Array(n * D);
      for (let s = 0; s < n; s += 256) {
        const e = Math.min(n, s + 256);
        const xt = tf.tensor2d(x.subarray(s * F, e * F), [e - s, F]);
        const y = sin.encodeTensor(xt);
        out.set((await y.data()) as Float32Array, s * D);
        tf.dispose([xt, y]);
      }
      return out;
    };
    const t0 = performance.now();
    const xtr = await enc(unitRows(train.images, train.n, F), train.n);
    const encS = (performance.now() - t0) / 1000;
    const xte = await enc(unitRows(test.images, test.n, F), test.n);
    const m = new OnlineHDClassifier(D, 10);
    const t1 = performance.now();
    m.fit(xtr, train.labels, { epochs: epochs - 1 });
    const fitS = (performance.now() - t1) / 1000;
    const pred = await m.predictAsync(xte);
    let ok = 0;
    for (let i = 0; i < test.n; i++) if (pred[i] === test.labels[i]) ok++;
    withRef(
      {
        case: 'onlinehd epoch',
        params: { D, train: train.n, epochs },
        backend: ctx.backend,
        metric: 'time',
        unit: 's',
        value: encS / epochs + fitS / epochs,
        note: `per epoch: training-set sinusoid encoding (${encS.toFixed(1)} s, once, on ${ctx.backend}) / epochs + updates; torchhd re-encodes every epoch`,
      },
      'onlinehd_epoch_s',
    );
    withRef(
      {
        case: 'onlinehd accuracy',
        params: { D, test: test.n, epochs },
        backend: ctx.backend,
        metric: 'accuracy',
        unit: '%',
        value: (100 * ok) / test.n,
      },
      'onlinehd_accuracy_pct',
    );
  }

  ctx.progress('resonator 3 × 100 at D = 2000');
  {
    const Dr = 2000,
      M = 100,
      vsa = createVsa({ model: 'map', dim: Dr });
    for (const weights of ['op', 'ols'] as const) {
      let ok = 0,
        its = 0,
        ms = 0;
      for (let k = 0; k < trials; k++) {
        const books = [0, 1, 2].map((i) => vsa.random(`book${k}-${i}`, M));
        const truth = [k % M, (7 * k + 3) % M, (11 * k + 5) % M];
        const row = (b: Float32Array, i: number) => b.subarray(i * Dr, (i + 1) * Dr);
        const s = vsa.bind(vsa.bind(row(books[0], truth[0]), row(books[1], truth[1])), row(books[2], truth[2]));
        const t0 = performance.now();
        const r = resonator(vsa, s, books, { maxIterations: 1000, weights });
        ms += performance.now() - t0;
        its += r.iterations;
        if (r.indices.every((x, i) => x === truth[i])) ok++;
      }
      withRef(
        {
          case: `resonator ${weights}`,
          params: { D: Dr, factors: 3, items: M, trials },
          backend: 'cpu (typed arrays)',
          metric: 'time',
          unit: 'ms',
          value: ms / trials,
          note: `accuracy ${((100 * ok) / trials).toFixed(0)}%, ${(its / trials).toFixed(1)} iterations (cap 1000)${
            weights === 'op' && ref
              ? `; torchhd: accuracy ${(100 * Number(ref.resonator_accuracy)).toFixed(0)}%, ${Number(ref.resonator_iterations).toFixed(1)} iterations`
              : ''
          }`,
        },
        weights === 'op' ? 'resonator_ms' : '',
      );
    }
  }
}

interface MnistSplitLike {
  images: Float32Array;
  labels: Uint8Array;
  n: number;
}
