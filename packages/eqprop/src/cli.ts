#!/usr/bin/env node
/**
 * neurite-eqprop: train equilibrium-propagation networks on MNIST (the project's fixed split
 * from @neurite/datasets), evaluate saved models and export them as NIR.
 * Built on @neurite/cli: --help, --json (one document), exit 0 ok / 1 failed / 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import {
  createProgram,
  runProgram,
  isJsonMode,
  printJson,
  progress,
  table,
  parseInteger,
  parseNumber,
  packageVersion,
  Option,
  UsageError,
} from '@neurite/cli';
import { writeFileAtomic } from '@neurite/tensor/node';
import { loadMnist } from '@neurite/datasets';
import { writeNir } from '@neurite/nir/node';
import { EqPropKernel } from './eqprop-kernel.js';
import type { EqPropOptions, EqPropSnapshot } from './eqprop-kernel.js';
import { EqPropError } from './eqprop-error.js';
import { scellierPreset } from './scellier-preset.js';
import { trainEpochs } from './train-epochs.js';
import { toNir } from './to-nir.js';
import type { Dynamics, Estimator, Cost } from './energy-network.js';

const program = createProgram({
  name: 'neurite-eqprop',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'Equilibrium propagation: train on MNIST, evaluate, export to NIR',
});

function parseArch(s: string): number[] {
  const sizes = s.split('-').map(Number);
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new UsageError(`--arch must look like 784-500-10, got '${s}'`);
  if (sizes[0] !== 784 || sizes[sizes.length - 1] !== 10)
    throw new UsageError(`--arch must start with 784 and end with 10 for MNIST, got '${s}'`);
  return sizes;
}

async function readModel(file: string): Promise<EqPropKernel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new EqPropError('MODEL', `cannot read ${file}: ${(e as Error).message}`, { code: 'ERR_FILE', path: file, cause: e });
  }
  let snap: EqPropSnapshot;
  try {
    snap = JSON.parse(text) as EqPropSnapshot;
  } catch (e) {
    throw new EqPropError('MODEL', `${file} is not JSON: ${(e as Error).message}`, { code: 'ERR_FORMAT', path: file, cause: e });
  }
  return EqPropKernel.load(snap);
}

program
  .command('train')
  .description('train on the MNIST training split (7996 digits) and report train/test error')
  .option('--arch <sizes>', 'layer sizes', '784-256-10')
  .option('--epochs <n>', 'epochs', parseInteger('--epochs', 0), 1)
  .addOption(new Option('--preset <name>', 'settings preset').choices(['default', 'scellier2017']).default('default'))
  .addOption(new Option('--dynamics <d>', 'relaxation dynamics').choices(['laborieux', 'scellier', 'async']))
  .addOption(new Option('--estimator <e>', 'gradient estimator').choices(['one-sided', 'random-sign', 'symmetric', 'holomorphic']))
  .addOption(new Option('--cost <c>', 'cost').choices(['mse', 'cross-entropy']))
  .addOption(new Option('--dtype <t>', 'storage of weights and states').choices(['float32', 'float16']))
  .addOption(new Option('--optimizer <o>', 'how the EP estimate moves the weights').choices(['sgd', 'adam']))
  .addOption(new Option('--schedule <s>', 'learning-rate schedule over the epochs').choices(['constant', 'cosine']).default('constant'))
  .option('--batch <n>', 'minibatch size', parseInteger('--batch', 1), 20)
  .option('--lr <a>', 'learning rate (one for every layer)', parseNumber('--lr'))
  .option('--beta <b>', 'nudging strength β', parseNumber('--beta'))
  .option('--steps <n>', 'free-phase steps', parseInteger('--steps', 1))
  .option('--nudged-steps <n>', 'nudged-phase steps', parseInteger('--nudged-steps', 1))
  .option('--conv <C:k:p>', 'convolutional first layer: C feature maps, k×k kernels, p×p average pooling (e.g. 32:5:2)')
  .option('--train-size <n>', 'use only the first n training digits of the shuffled split', parseInteger('--train-size', 1))
  .option('--seed <s>', 'seed (weights, shuffles)', parseInteger('--seed', 0), 0)
  .option('--out <file>', 'save the trained model (JSON)')
  .action(async (opts: Record<string, unknown>) => {
    const sizes = parseArch(opts.arch as string);
    const dims = { inputDim: sizes[0], hiddenDims: sizes.slice(1, -1), outputDim: sizes[sizes.length - 1] };
    const base: EqPropOptions = opts.preset === 'scellier2017' ? scellierPreset(dims) : { ...dims };
    const o: EqPropOptions = { ...base, seed: opts.seed as number };
    if (opts.dynamics) o.dynamics = opts.dynamics as Dynamics;
    if (opts.estimator) o.estimator = opts.estimator as Estimator;
    if (opts.cost) o.cost = opts.cost as Cost;
    if (opts.dtype) o.dtype = opts.dtype as 'float32' | 'float16';
    if (opts.optimizer) o.optimizer = opts.optimizer as 'sgd' | 'adam';
    if (opts.lr !== undefined) o.lr = opts.lr as number;
    if (opts.beta !== undefined) o.beta = opts.beta as number;
    if (opts.steps !== undefined) o.maxSteps = opts.steps as number;
    if (opts.nudgedSteps !== undefined) o.nudgedSteps = opts.nudgedSteps as number;
    if (opts.conv !== undefined) {
      const m = /^(\d+):(\d+):(\d+)$/.exec(opts.conv as string);
      if (!m) throw new UsageError(`--conv must look like 32:5:2 (channels:kernel:pool), got '${String(opts.conv)}'`);
      o.conv = { channels: Number(m[1]), kernel: Number(m[2]), pool: Number(m[3]) };
      if (typeof o.lr === 'object') o.lr = [o.lr[0], ...o.lr];
    }
    const kernel = new EqPropKernel(o);
    const { train, test } = await loadMnist();
    let data = { images: train.images, labels: train.labels as ArrayLike<number>, n: train.n };
    if (opts.trainSize !== undefined) {
      const n = Math.min(train.n, opts.trainSize as number);
      // the split is class-major: take every k-th digit so every class is present
      const idx = Array.from({ length: n }, (_, i) => Math.floor((i * train.n) / n));
      const images = new Float32Array(n * 784);
      idx.forEach((j, i) => images.set(train.images.subarray(j * 784, (j + 1) * 784), i * 784));
      data = { images, labels: idx.map((j) => train.labels[j]), n };
    }
    const epochs = opts.epochs as number;
    const bar = progress(epochs * Math.floor(data.n / (opts.batch as number)) * (opts.batch as number), 'train');
    const t0 = performance.now();
    const curve = trainEpochs(kernel, data, {
      epochs,
      batch: opts.batch as number,
      seed: opts.seed as number,
      test: { images: test.images, labels: test.labels, n: test.n },
      evaluateTrain: true,
      schedule: opts.schedule as 'constant' | 'cosine',
      onBatch: (i) => {
        const step = `epoch ${i.epoch} · ${i.samplesPerSecond.toFixed(0)} samples/s · loss ${i.loss.toFixed(4)} · acc ${(i.accuracy * 100).toFixed(1)}%`;
        bar.tick(opts.batch as number, step);
      },
    });
    bar.stop();
    const seconds = (performance.now() - t0) / 1000;
    const last = curve[curve.length - 1];
    const trainError = last ? last.trainError : 1 - kernel.evaluateArray(data.images, data.labels).accuracy;
    const testError = last?.testError ?? 1 - kernel.evaluateArray(test.images, test.labels).accuracy;
    const trained = curve.reduce((a, r) => a + r.samplesPerSecond, 0) / Math.max(1, curve.length);
    if (opts.out) await writeFileAtomic(opts.out as string, JSON.stringify(kernel.save()));
    const doc = {
      arch: sizes.join('-'),
      preset: opts.preset,
      dynamics: kernel.settings.dynamics,
      estimator: kernel.settings.estimator,
      cost: kernel.settings.cost,
      dtype: kernel.settings.dtype,
      optimizer: kernel.settings.optimizer,
      schedule: opts.schedule,
      seed: opts.seed,
      epochs,
      trainSize: data.n,
      testError,
      trainError,
      samplesPerSecond: trained,
      seconds,
      curve,
      ...(opts.out ? { model: opts.out } : {}),
    };
    if (isJsonMode()) printJson(doc);
    else {
      process.stdout.write(
        table(
          curve.map((r) => ({
            epoch: r.epoch,
            loss: r.loss.toFixed(4),
            'train error %': (r.trainError * 100).toFixed(2),
            'test error %': ((r.testError ?? NaN) * 100).toFixed(2),
            'samples/s': r.samplesPerSecond.toFixed(0),
          })),
          ['epoch', 'loss', 'train error %', 'test error %', 'samples/s'],
        ) + '\n',
      );
      if (opts.out) process.stdout.write(`model saved to ${String(opts.out)}\n`);
    }
  });

program
  .command('eval')
  .description('test and train error of a saved model on the MNIST split')
  .argument('<model>', 'model JSON written by train --out')
  .action(async (file: string) => {
    const kernel = await readModel(file);
    const { train, test } = await loadMnist();
    const testError = 1 - kernel.evaluateArray(test.images, test.labels).accuracy;
    const trainError = 1 - kernel.evaluateArray(train.images, train.labels).accuracy;
    const doc = { model: file, arch: kernel.sizes.join('-'), testError, trainError, steps: kernel.steps };
    if (isJsonMode()) printJson(doc);
    else process.stdout.write(`${doc.arch}: test error ${(testError * 100).toFixed(2)}%, train error ${(trainError * 100).toFixed(2)}%\n`);
  });

program
  .command('export')
  .description('write a saved model as a NIR graph (neurite-eqprop/1 convention)')
  .argument('<model>', 'model JSON written by train --out')
  .argument('<out>', 'output .nir (HDF5) or .json file')
  .action(async (file: string, out: string) => {
    const kernel = await readModel(file);
    const graph = toNir(kernel);
    await writeNir(out, graph);
    const doc = { model: file, out, nodes: Object.keys(graph.nodes).length, edges: graph.edges.length };
    if (isJsonMode()) printJson(doc);
    else process.stdout.write(`wrote ${out}: ${doc.nodes} nodes, ${doc.edges} edges\n`);
  });

await runProgram(program);
