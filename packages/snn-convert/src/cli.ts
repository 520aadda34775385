/**
 * neurite-snn: convert a tfjs-layers model to a spiking network (NIR file), evaluate it on a target,
 * and report sparsity, energy and a NeuroBench-style table. Built on @neurite/cli: --help, --json,
 * exit 0 ok / 1 failed / 2 usage error, one line on stderr naming what is wrong.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createProgram, isJsonMode, Option, packageVersion, parseInteger, printJson, progress, runProgram, table } from '@neurite/cli';
import type { Progress } from '@neurite/cli';
import { setBackend, tf } from '@neurite/tensor';
import { readNir, writeNir } from '@neurite/nir/node';
import { ConvertError } from './convert-error.js';
import { convert } from './convert.js';
import type { ConvertStage } from './convert.js';
import { compile } from './compile.js';
import type { Target } from './compile.js';
import { evaluate } from './evaluate.js';
import { ENERGY_PRESETS, energyOf } from './energy.js';
import type { EnergyPreset } from './energy.js';
import { fromNir } from './from-nir.js';
import type { LabelledData } from './labelled-data.js';
import { sparsityOf } from './measure-sparsity.js';
import { loadModelFile } from './model-files.js';
import { neurobenchMarkdown, neurobenchReport } from './neurobench-report.js';
import { accuracyPlot, rasterOf, ratePlot } from './plots.js';
import type { SpikingNetwork } from './spiking-network.js';
import { toNir } from './to-nir.js';

async function data(name: string, limit?: number): Promise<{ train: LabelledData; test: LabelledData }> {
  if (name !== 'mnist') throw new ConvertError('--data', `--data must be 'mnist', got '${name}'`);
  const { loadMnist } = await import('@neurite/datasets');
  const m = await loadMnist();
  const cut = (s: LabelledData & { n: number }, k?: number): LabelledData => (k === undefined || k >= s.n ? s : evenSubset(s, k));
  return { train: m.train, test: cut(m.test, limit) };
}

/** Every ⌊n/k⌋-th sample (the split is stored class by class, so a prefix would hold one class). */
function evenSubset(s: LabelledData & { n: number }, k: number): LabelledData {
  const per = s.images.length / s.n;
  const images = new Float32Array(k * per);
  const labels = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    const i = Math.floor((j * s.n) / k);
    images.set(s.images.subarray(i * per, (i + 1) * per), j * per);
    labels[j] = s.labels[i];
  }
  return { images, labels, n: k };
}

async function readSnn(file: string): Promise<SpikingNetwork> {
  return fromNir(await readNir(file));
}

const stageBars = () => {
  const bars = new Map<ConvertStage, Progress>();
  return {
    tick: (stage: ConvertStage, done: number, total: number) => {
      let b = bars.get(stage);
      if (!b) bars.set(stage, (b = progress(total, stage)));
      b.update(done, `${stage} ${done}/${total}`);
    },
    stop: () => bars.forEach((b) => b.stop()),
  };
};

const program = createProgram({
  name: 'neurite-snn',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  description: 'Convert tfjs-layers models to spiking networks (QCFS, IF neurons, BPTT fine-tuning); evaluate and report.',
});

program
  .command('convert')
  .description('convert MODEL.json (tfjs-layers) to a spiking network and write it as NIR')
  .argument('<model>', 'model.json (weights beside it)')
  .requiredOption('--out <file>', 'the .nir file to write')
  .option('--data <name>', "training/test data ('mnist')", 'mnist')
  .option('--T <n>', 'timesteps', parseInteger('--T', 1), 16)
  .option('--L <n>', 'QCFS levels', parseInteger('--L', 1), 8)
  .addOption(new Option('--strategy <s>', 'conversion strategy').choices(['auto', 'qcfs_if_ft', 'qcfs_direct']).default('auto'))
  .addOption(new Option('--calibration <c>', 'threshold calibration').choices(['qcfs', 'max', 'p99.9']).default('qcfs'))
  .option('--qcfs-epochs <n>', 'QCFS training epochs', parseInteger('--qcfs-epochs', 0), 3)
  .option('--if-epochs <n>', 'BPTT fine-tuning epochs', parseInteger('--if-epochs', 0), 2)
  .option('--seed <n>', 'seed', parseInteger('--seed', 0), 0)
  .option('--limit <n>', 'evaluate on this many test samples', parseInteger('--limit', 1))
  .action(
    async (
      file: string,
      o: {
        out: string;
        data: string;
        T: number;
        L: number;
        strategy: 'auto';
        calibration: 'qcfs';
        qcfsEpochs: number;
        ifEpochs: number;
        seed: number;
        limit?: number;
      },
    ) => {
      await setBackend('wasm');
      const d = await data(o.data, o.limit);
      const model = await loadModelFile(file);
      const bars = stageBars();
      let res;
      try {
        res = await convert(model, d.train, {
          testData: d.test,
          T: o.T,
          L: o.L,
          strategy: o.strategy,
          calibration: o.calibration,
          qcfsEpochs: o.qcfsEpochs,
          ifEpochs: o.ifEpochs,
          seed: o.seed,
          onProgress: bars.tick,
        });
      } finally {
        bars.stop();
        model.dispose();
      }
      await writeNir(o.out, toNir(res.snn));
      const { stats } = res;
      if (isJsonMode()) printJson({ out: o.out, ...stats });
      else {
        const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(2)} %`);
        process.stdout.write(
          table(
            [
              { metric: 'strategy', value: stats.strategy },
              { metric: 'ANN accuracy', value: pct(stats.annAccuracy) },
              { metric: 'QCFS accuracy', value: pct(stats.qcfsAccuracy) },
              { metric: `SNN accuracy (T = ${stats.T})`, value: pct(stats.snnAccuracy) },
              {
                metric: 'SNN accuracy at T = 1, 2, 4, 8',
                value: [1, 2, 4, 8]
                  .filter((t) => t <= stats.T)
                  .map((t) => pct(stats.accuracyPerStep[t - 1]))
                  .join(', '),
              },
              {
                metric: 'time (s)',
                value: Object.entries(stats.timings)
                  .map(([k, v]) => `${k} ${v.toFixed(1)}`)
                  .join(', '),
              },
              { metric: 'written', value: o.out },
            ],
            ['metric', 'value'],
          ) + '\n',
        );
      }
    },
  );

program
  .command('eval')
  .description('evaluate a spiking NIR network on a target')
  .argument('<net>', '.nir file (from neurite-snn convert, or any Affine/Conv2d/AvgPool2d/Flatten/IF graph)')
  .option('--data <name>', "test data ('mnist')", 'mnist')
  .option('--T <n>', 'timesteps', parseInteger('--T', 1), 16)
  .addOption(new Option('--target <t>', 'where to run').choices(['cpu', 'wasm', 'webgl', 'webgpu', 'loihi']).default('wasm'))
  .addOption(new Option('--mode <m>', 'dense or event-driven (tfjs targets)').choices(['dense', 'event']).default('dense'))
  .option('--limit <n>', 'this many test samples', parseInteger('--limit', 1))
  .action(async (file: string, o: { data: string; T: number; target: Target; mode: 'dense' | 'event'; limit?: number }) => {
    const snn = await readSnn(file);
    await setBackend('wasm');
    const d = await data(o.data, o.limit);
    const c = await compile(snn, o.target, { mode: o.mode });
    const test = d.test;
    const n = test.n ?? test.labels.length;
    const per = test.images.length / n;
    const bs = o.mode === 'event' ? 32 : 256;
    const bar = progress(n, 'eval');
    let correct = 0;
    const t0 = performance.now();
    try {
      for (let s = 0; s < n; s += bs) {
        const e = Math.min(n, s + bs);
        const x = tf.tensor(test.images.subarray(s * per, e * per), [e - s, ...snn.inputShape]);
        const r = await c.run(x, { T: o.T });
        x.dispose();
        const K = snn.classes;
        for (let i = 0; i < e - s; i++) {
          let best = 0;
          for (let k = 1; k < K; k++) if (r[i * K + k] > r[i * K + best]) best = k;
          if (best === test.labels[s + i]) correct++;
        }
        bar.update(e, `${e}/${n}`);
      }
    } finally {
      bar.stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    const doc = { file, target: o.target, mode: c.mode, T: o.T, samples: n, accuracy: correct / n, samplesPerSecond: n / seconds };
    if (isJsonMode()) printJson(doc);
    else
      process.stdout.write(
        table(
          [{ ...doc, accuracy: `${(100 * doc.accuracy).toFixed(2)} %`, samplesPerSecond: doc.samplesPerSecond.toFixed(1) }],
          Object.keys(doc),
        ) + '\n',
      );
  });

program
  .command('report')
  .description('sparsity, energy and a NeuroBench-style table of a spiking NIR network')
  .argument('<net>', '.nir file')
  .option('--data <name>', "test data ('mnist')", 'mnist')
  .option('--T <n>', 'timesteps', parseInteger('--T', 1), 16)
  .addOption(new Option('--preset <p>', 'energy preset').choices(Object.keys(ENERGY_PRESETS)).default('fp32-45nm'))
  .option('--limit <n>', 'this many test samples', parseInteger('--limit', 1))
  .option('--svg <dir>', 'write accuracy-vs-T, per-layer rate and raster SVGs here')
  .action(async (file: string, o: { data: string; T: number; preset: EnergyPreset; limit?: number; svg?: string }) => {
    const snn = await readSnn(file);
    await setBackend('wasm');
    const d = await data(o.data, o.limit);
    const n = d.test.n ?? d.test.labels.length;
    const bar = progress(n, 'report');
    let ev;
    try {
      ev = await evaluate(snn, d.test, { T: o.T, onProgress: (done) => bar.update(done, `${done}/${n}`) });
    } finally {
      bar.stop();
    }
    const nb = neurobenchReport(snn, ev, o.preset);
    const energies = Object.fromEntries((Object.keys(ENERGY_PRESETS) as EnergyPreset[]).map((p) => [p, energyOf(snn, ev, p)]));
    const svgs: string[] = [];
    if (o.svg) {
      await mkdir(o.svg, { recursive: true });
      const w = async (name: string, svg: string) => {
        const f = path.join(o.svg!, name);
        await writeFile(f, svg);
        svgs.push(f);
      };
      await w('accuracy-vs-T.svg', await accuracyPlot({ snn: ev.perStep }));
      await w('layer-rates.svg', await ratePlot(sparsityOf(ev)));
      const x = tf.tensor(
        d.test.images.subarray(
          0,
          snn.inputShape.reduce((a, b) => a * b, 1),
        ),
        [1, ...snn.inputShape],
      );
      await w('raster.svg', await rasterOf(snn, x, o.T));
      x.dispose();
    }
    if (isJsonMode()) printJson({ file, neurobench: nb, energy: energies, perStep: ev.perStep, svg: svgs });
    else {
      process.stdout.write(neurobenchMarkdown(nb) + '\n\n');
      process.stdout.write(
        table(
          Object.values(energies).map((e) => ({
            preset: e.preset,
            'SNN nJ': (e.snnJoules * 1e9).toFixed(3),
            'ANN nJ': (e.annJoules * 1e9).toFixed(3),
            SOPs: e.sops.toFixed(0),
            MACs: e.macs,
          })),
          ['preset', 'SNN nJ', 'ANN nJ', 'SOPs', 'MACs'],
        ) + '\n',
      );
      for (const f of svgs) process.stdout.write(`wrote ${f}\n`);
    }
  });

/** Run the CLI on the user arguments (process.argv.slice(2)); sets process.exitCode. */
export async function main(argv: string[]): Promise<number> {
  return runProgram(program, argv);
}
