import { tf, type Tensor2D } from '@neurite/tensor';
import { bind, bundle, createVsa, randomVectors, unbind, bindTensor, Vocabulary } from '@neurite/hrr';
import type { BenchResult, Suite } from '../suite.js';

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
    return results;
  },
};
