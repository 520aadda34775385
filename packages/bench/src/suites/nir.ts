import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, tf } from '@neurite/tensor';
import { compile, decodeNir, encodeNir, NirError } from '@neurite/nir';
import { median } from '../measure.js';
import { lifMlpGraph } from '../lif-mlp-graph.js';
import type { BenchResult, Suite } from '../suite.js';

/** Seeded uniform(−a, a) weights, so every run builds the same network. */
function weights(n: number, a: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  createRng(seed).uniformArray(out, -a, a);
  return out;
}

/**
 * The .nir files timed: the example @neurite/nir ships (resolved as a package export, so it is
 * found from an installed package too), and the NIR paper's cnn_sinabs.nir from the nir test
 * fixtures when the bench runs from a checkout of the repository (src/suites or dist/suites).
 * `file` is undefined when it cannot be found; `where` says where it was looked for.
 */
function nirFiles(): Array<{ name: string; file: string | undefined; where: string }> {
  const example = '@neurite/nir/examples/lif_norse.nir';
  let shipped: string | undefined;
  try {
    shipped = fileURLToPath(import.meta.resolve(example));
  } catch {
    shipped = undefined;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fixture = path.resolve(here, '../../../nir/test/fixtures/paper/cnn_sinabs.nir');
  return [
    { name: 'lif_norse.nir', file: shipped, where: `${example} does not resolve` },
    { name: 'cnn_sinabs.nir', file: fixture, where: `${fixture} (present in a repository checkout only)` },
  ];
}

/**
 * nir suite: executor step time of a 784-500-10 LIF network (batch 64) against the same two
 * matmuls run directly in tfjs in this process (ratio; the project's goal is ≤ 1.2), and the
 * read + write round trip of NIR files written by Python nir: the example @neurite/nir ships
 * (`@neurite/nir/examples/lif_norse.nir`, so an installed bench has it) and, in a checkout of
 * the repository, the larger cnn_sinabs.nir of the NIR paper's test files.
 */
export const nirSuite: Suite = {
  name: 'nir',
  description: 'NIR executor step overhead and .nir file round trip',
  async run(ctx) {
    const results: BenchResult[] = [];
    ctx.progress('784-500-10 LIF step, batch 64');
    const w1 = weights(500 * 784, 0.05, 1);
    const w2 = weights(10 * 500, 0.1, 2);
    const graph = lifMlpGraph(500, w1, w2);
    const sim = compile(graph, { dt: 1e-3 });
    const x = tf.tidy(() => tf.cast(tf.less(tf.randomUniform([64, 784], 0, 1, 'float32', 7), 0.2), 'float32'));
    const w1t = tf.tidy(() => tf.transpose(tf.tensor2d(w1, [500, 784])));
    const w2t = tf.tidy(() => tf.transpose(tf.tensor2d(w2, [10, 500])));
    const direct = () => {
      const y = tf.tidy(() => tf.matMul(tf.matMul(x, w1t), w2t));
      y.dataSync();
      y.dispose();
    };
    const step = () => {
      const y = sim.step(x);
      y.dataSync();
      y.dispose();
    };
    const opts = { warmup: 5, repeats: ctx.quick ? 7 : 25, inner: 5 };
    // Interleave the two measurements so drift on a loaded machine hits both alike.
    const refUs: number[] = [];
    const simUs: number[] = [];
    for (let r = 0; r < 3; r++) {
      refUs.push(await ctx.measure(direct, opts));
      simUs.push(await ctx.measure(step, opts));
    }
    const value = median(simUs);
    const ref = median(refUs);
    results.push({
      case: 'lif step 784-500-10',
      params: { batch: 64 },
      backend: ctx.backend,
      metric: 'time',
      unit: 'us',
      value,
      reference: { name: 'tfjs 2 matmuls', value: ref },
      ratio: value / ref,
      goal: 'ratio ≤ 1.2',
    });
    sim.dispose();
    tf.dispose([x, w1t, w2t]);

    for (const { name, file, where } of nirFiles()) {
      ctx.progress(`read + write ${name}`);
      const params = { file: name };
      if (file === undefined || !fs.existsSync(file)) {
        results.push({
          case: 'read+write .nir',
          params,
          backend: 'n/a',
          metric: 'time',
          unit: 'ms',
          value: NaN,
          note: `not available: ${where}`,
        });
        continue;
      }
      const bytes = new Uint8Array(fs.readFileSync(file));
      const ms =
        (await ctx.measure(
          async () => {
            await encodeNir((await decodeNir(bytes)).graph);
          },
          { warmup: 2, repeats: ctx.quick ? 5 : 15 },
        )) / 1000;
      results.push({
        case: 'read+write .nir',
        params: { ...params, bytes: bytes.length },
        backend: 'n/a',
        metric: 'time',
        unit: 'ms',
        value: ms,
      });
    }
    results.push(...(await hostileCases(ctx)));
    return results;
  },
};

/**
 * Time to refuse two hostile .nir files (written by packages/nir/test/fixtures/hostile/make_hostile.py,
 * present in a repository checkout only): groups reached through two hard links per level, 40 levels
 * deep (an exponential walk before groups were visited once by address), and eight compressed
 * float32 arrays declaring 2^27 elements each (4 GiB once inflated, before the total size was
 * budgeted). Each must end in a NirError (its message is the note); the value is the median time.
 */
async function hostileCases(ctx: Parameters<Suite['run']>[0]): Promise<BenchResult[]> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out: BenchResult[] = [];
  for (const name of ['links_40.nir', 'arrays_8x2e27.nir']) {
    const file = path.resolve(here, '../../../nir/test/fixtures/hostile', name);
    if (!fs.existsSync(file)) {
      out.push({
        case: 'refuse hostile .nir',
        params: { file: name },
        backend: 'n/a',
        metric: 'time',
        unit: 'ms',
        value: NaN,
        note: `not available: ${file}`,
      });
      continue;
    }
    ctx.progress(`refuse ${name}`);
    const bytes = new Uint8Array(fs.readFileSync(file));
    let message = '';
    const ms =
      (await ctx.measure(
        async () => {
          try {
            await decodeNir(bytes, { file: name });
            message = 'read without error';
          } catch (e) {
            message = e instanceof NirError ? e.message : `not a NirError: ${String(e)}`;
          }
        },
        { warmup: 1, repeats: ctx.quick ? 3 : 7 },
      )) / 1000;
    out.push({
      case: 'refuse hostile .nir',
      params: { file: name, bytes: bytes.length },
      backend: 'n/a',
      metric: 'time',
      unit: 'ms',
      value: ms,
      note: message,
    });
  }
  return out;
}
