// Tour step: train an equilibrium-propagation network on MNIST for one epoch (Scellier & Bengio 2017's
// 784-500-10 settings) — two relaxations and a local Hebbian update per minibatch, no backprop —
// and plot the residual of one free relaxation.
import { loadMnist } from '@neurite/datasets';
import { EqPropKernel, scellierPreset, trainEpochs, relaxPhase, createScratch } from '@neurite/eqprop';
import { linePlot } from '@neurite/plot';

export const title = 'EqProp: train MNIST with two relaxations and a Hebbian update';

export async function run(ctx) {
  const { train, test } = await loadMnist();
  ctx.say(
    'Equilibrium propagation relaxes the network to a fixed point (free phase), nudges the output towards the label',
    '(nudged phase), and changes each weight by the difference of pre×post activity between the two: a local rule.',
  );
  const kernel = new EqPropKernel({ ...scellierPreset({ inputDim: 784, hiddenDims: [500], outputDim: 10 }), seed: 0 });
  const [epoch] = trainEpochs(kernel, train, { epochs: 1, batch: 20, seed: 0, test });
  ctx.figure(
    `784-500-10 after one epoch of ${train.n} training digits: test error ${(epoch.testError * 100).toFixed(1)}% at ${epoch.samplesPerSecond.toFixed(0)} samples/s`,
  );
  // residual of one damped free relaxation (γ = 0.5) of the trained weights, 10 test digits
  const B = 10;
  const x = test.images.subarray(0, B * 784);
  const drive = new Float32Array(B * 500);
  for (let b = 0; b < B; b++) {
    drive.set(kernel.net.biases[0], b * 500);
    for (let i = 0; i < 784; i++) {
      const v = x[b * 784 + i];
      if (v !== 0) for (let j = 0; j < 500; j++) drive[b * 500 + j] += v * kernel.net.weights[0][i * 500 + j];
    }
  }
  const states = [new Float32Array(B * 500), new Float32Array(B * 10)];
  const settings = {
    dynamics: 'laborieux',
    activation: 'hard-sigmoid',
    cost: 'mse',
    gamma: 0.5,
    stepSize: 0.5,
    maxSteps: 40,
    epsilon: 0,
    adaptiveEpsilon: false,
    f16: false,
    record: true,
  };
  const { residuals } = relaxPhase(kernel.net, states, drive, null, 0, settings, createScratch(kernel.sizes, B));
  await ctx.writePlot(
    'eqprop-residual.svg',
    await linePlot(
      { series: [{ name: 'max over 10 digits of ‖s(t+1) − s(t)‖', x: residuals.map((_, t) => t + 1), y: residuals }] },
      { title: 'Free relaxation of the trained 784-500-10 network', xLabel: 'step', yLabel: 'residual', yScale: 'log', width: 640 },
    ),
  );
}
