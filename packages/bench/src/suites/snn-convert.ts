import { fileURLToPath } from 'node:url';
import { tf } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { compile, convert } from '@neurite/snn-convert';
import { loadModelFile } from '@neurite/snn-convert/node';
import type { BenchResult, Suite } from '../suite.js';

const example = (name: string) => fileURLToPath(import.meta.resolve(`@neurite/snn-convert/examples/${name}.json`));

/**
 * snn-convert suite: the time of one whole conversion of the example MNIST CNN (read, BN fold,
 * calibration, QCFS training, IF swap, BPTT fine-tuning, evaluation on the 2004 test digits; one run:
 * it takes minutes, so it is not repeated), and inference throughput at T = 16 of the converted
 * MLP and CNN on the active backend, dense (batched tfjs ops) and event-driven (analog first layer
 * batched in tfjs, spiking layers per sample on typed arrays from their active inputs only), both on
 * the same 256 test digits, against the ANN's own throughput (tfjs-layers predict, batch 256).
 */
export const snnConvertSuite: Suite = {
  name: 'snn-convert',
  description: 'ANN→SNN conversion time (MNIST CNN) and SNN inference samples/s dense vs event-driven vs the ANN',
  async run(ctx) {
    const results: BenchResult[] = [];
    const mnist = await loadMnist();
    const T = 16;
    for (const name of ['mnist-mlp', 'mnist-cnn']) {
      const convertOpts =
        name === 'mnist-cnn' ? { qcfsEpochs: ctx.quick ? 1 : 2, ifEpochs: ctx.quick ? 0 : 1 } : { qcfsEpochs: 1, ifEpochs: 1 };
      ctx.progress(`convert ${name}`);
      const model = await loadModelFile(example(name));
      const t0 = performance.now();
      const { snn, stats } = await convert(model, mnist.train, { testData: mnist.test, T, L: 8, seed: 0, ...convertOpts });
      const seconds = (performance.now() - t0) / 1000;
      if (name === 'mnist-cnn')
        results.push({
          case: 'convert MNIST CNN',
          params: { ...convertOpts, T, train: mnist.train.n, test: mnist.test.n },
          backend: ctx.backend,
          metric: 'time',
          unit: 's',
          value: seconds,
          note: `one run; ANN ${(100 * stats.annAccuracy!).toFixed(2)} %, SNN ${(100 * stats.snnAccuracy!).toFixed(2)} % at T = ${T}; stages ${Object.entries(
            stats.timings,
          )
            .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
            .join(', ')}`,
        });
      const shape = snn.inputShape;
      const per = 784;
      const batch = 256;
      const xb = tf.tensor(mnist.test.images.subarray(0, batch * per), [batch, ...shape]);
      ctx.progress(`${name}: ANN predict`);
      const annUs = await ctx.measure(
        async () => {
          const y = model.predict(xb) as tf.Tensor;
          await y.data();
          y.dispose();
        },
        { warmup: 2, repeats: ctx.quick ? 3 : 7 },
      );
      const annRate = batch / (annUs * 1e-6);
      results.push({
        case: `${name} ANN predict`,
        params: { batch },
        backend: ctx.backend,
        metric: 'throughput',
        unit: 'samples/s',
        value: annRate,
      });
      for (const mode of ['dense', 'event'] as const) {
        ctx.progress(`${name}: SNN ${mode}`);
        const c = await compile(snn, ctx.backend as 'cpu', { mode });
        const us = await ctx.measure(() => c.run(xb, { T }), { warmup: 1, repeats: ctx.quick ? 3 : 5 });
        const rate = batch / (us * 1e-6);
        results.push({
          case: `${name} SNN ${mode}`,
          params: { T, batch },
          backend: ctx.backend,
          metric: 'throughput',
          unit: 'samples/s',
          value: rate,
          reference: { name: 'ANN predict (samples/s)', value: annRate },
          ratio: rate / annRate,
        });
      }
      xb.dispose();
      model.dispose();
    }
    return results;
  },
};
