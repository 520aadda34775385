// Tour step: convert the shipped MNIST MLP (tfjs-layers) into a spiking network with QCFS
// (no fine-tuning, to stay quick) and show accuracy against timesteps on 500 test digits; then let the
// shipped, directly trained LIF CartPole policy (examples/cartpole-lif.nir) balance the pole.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setBackend } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { decodeNir } from '@neurite/nir';
import { accuracyPlot, convert, evaluateCartPolePolicy, fromNir } from '@neurite/snn-convert';
import { loadModelFile } from '@neurite/snn-convert/node';

export const title = 'SNN conversion: a trained MNIST MLP becomes a spiking network';

export async function run(ctx) {
  await setBackend('wasm');
  const mnist = await loadMnist();
  const k = 500;
  const per = 784;
  const images = new Float32Array(k * per);
  const labels = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    const i = Math.floor((j * mnist.test.n) / k); // every 4th digit: all classes (the split is stored class by class)
    images.set(mnist.test.images.subarray(i * per, (i + 1) * per), j * per);
    labels[j] = mnist.test.labels[i];
  }
  const model = await loadModelFile(fileURLToPath(import.meta.resolve('@neurite/snn-convert/examples/mnist-mlp.json')));
  ctx.say(
    'mnist-mlp.json is a 784-128-10 ReLU network trained with tfjs-layers on the fixed MNIST split.',
    'convert() calibrates a QCFS clip level λ per neuron, trains it one epoch, and swaps in IF neurons (θ = λ, v(0) = θ/2).',
  );
  const { stats } = await convert(model, mnist.train, {
    testData: { images, labels },
    T: 16,
    qcfsEpochs: 1,
    ifEpochs: 0,
    strategy: 'qcfs_direct',
    seed: 0,
  });
  model.dispose();
  const pct = (a) => `${(100 * a).toFixed(1)} %`;
  ctx.figure(
    `ANN ${pct(stats.annAccuracy)}; SNN ${pct(stats.accuracyPerStep[3])} at T = 4, ${pct(stats.accuracyPerStep[7])} at T = 8, ${pct(stats.snnAccuracy)} at T = 16 (${k} test digits)`,
  );
  await ctx.writePlot(
    'snn-convert-accuracy.svg',
    await accuracyPlot({ 'QCFS → IF': stats.accuracyPerStep }, 'MNIST MLP as a spiking network: accuracy vs T'),
  );
  const policy = fromNir(
    (await decodeNir(new Uint8Array(readFileSync(fileURLToPath(import.meta.resolve('@neurite/snn-convert/examples/cartpole-lif.nir'))))))
      .graph,
  );
  const mean = await evaluateCartPolePolicy(policy, { episodes: 20, T: 8, seed: 7 });
  ctx.say('cartpole-lif.nir: a 4-64-2 LIF network trained from scratch by REINFORCE with surrogate gradients (scripts/cartpole-lif.mjs).');
  ctx.figure(`LIF policy on CartPole-v0: mean return ${mean.toFixed(1)} of 200 over 20 episodes (solved: ≥ 195)`);
}
