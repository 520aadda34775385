// MNIST conversion results on @neurite/datasets' fixed split (train 7996, test 2004) for the
// example models: ANN accuracy, and the SNN accuracy at T = 8 and T = 32 (the per-step readout
// of one T = 32 run) for qcfs_if_ft, qcfs_direct and plain max-norm conversion
// (λ = max activation, no QCFS training, v0 = 0), over conversion seeds; with the activation sparsity
// and the fp32 45 nm energy estimate (energyOf) of each converted network over its T = 32 run.
// Usage: node packages/snn-convert/scripts/mnist-results.mjs [--models mlp,cnn,resnet] [--seeds 0,1,2]
//        [--qcfs-epochs 3] [--if-epochs 2] [--out DIR]
// Writes DIR/mnist-results.json, DIR/mnist-results.md, DIR/accuracy-vs-T-<model>.svg (DIR default: results/ under cwd).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBackend } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { accuracyPlot, convert, energyOf, sparsityOf } from '@neurite/snn-convert';
import { loadModelFile } from '@neurite/snn-convert/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const models = arg('--models', 'mlp,cnn,resnet').split(',');
const seeds = arg('--seeds', '0,1,2').split(',').map(Number);
const qcfsEpochs = Number(arg('--qcfs-epochs', 3));
const ifEpochs = Number(arg('--if-epochs', 2));
const out = path.resolve(arg('--out', 'results'));
mkdirSync(out, { recursive: true });
await setBackend('wasm');
const mnist = await loadMnist();
const T = 32;
const variants = {
  qcfs_if_ft: { strategy: 'qcfs_if_ft', qcfsEpochs, ifEpochs },
  qcfs_direct: { strategy: 'qcfs_direct', qcfsEpochs },
  max_norm: { strategy: 'qcfs_direct', qcfsEpochs: 0, calibration: 'max', v0: 0 },
};
const results = [];
const mean = (a) => a.reduce((s, x) => s + x, 0) / a.length;
const sd = (a) => (a.length < 2 ? 0 : Math.sqrt(a.reduce((s, x) => s + (x - mean(a)) ** 2, 0) / (a.length - 1)));
for (const name of models) {
  const curves = {};
  for (const [variant, o] of Object.entries(variants)) {
    const runs = [];
    for (const seed of variant === 'max_norm' ? [seeds[0]] : seeds) {
      const model = await loadModelFile(path.join(here, `../examples/mnist-${name}.json`));
      const t0 = Date.now();
      const { snn, stats } = await convert(model, mnist.train, { testData: mnist.test, T, L: 8, seed, ...o });
      const e = energyOf(snn, stats.evaluation, 'fp32-45nm');
      const r = {
        model: name,
        variant,
        seed,
        ann: stats.annAccuracy,
        qcfs: stats.qcfsAccuracy,
        t8: stats.accuracyPerStep[7],
        t32: stats.accuracyPerStep[31],
        perStep: stats.accuracyPerStep,
        // over the T = 32 run, per test digit
        sparsity: sparsityOf(stats.evaluation).sparsity,
        snnJoules: e.snnJoules,
        annJoules: e.annJoules,
        seconds: (Date.now() - t0) / 1000,
        timings: stats.timings,
      };
      runs.push(r);
      results.push(r);
      console.log(
        `${name} ${variant} seed ${seed}: ANN ${(100 * r.ann).toFixed(2)} QCFS ${(100 * r.qcfs).toFixed(2)} T=8 ${(100 * r.t8).toFixed(2)} T=32 ${(100 * r.t32).toFixed(2)} (${r.seconds.toFixed(0)} s)`,
      );
      model.dispose();
      writeFileSync(path.join(out, 'mnist-results.json'), JSON.stringify(results, null, 1));
    }
    curves[variant] = runs[0].perStep;
  }
  writeFileSync(path.join(out, `accuracy-vs-T-${name}.svg`), await accuracyPlot(curves, `MNIST ${name}: SNN accuracy vs T`));
}
const rows = [
  '| model | method | seeds | ANN % | SNN T=8 % | gap T=8 (points) | SNN T=32 % | gap T=32 (points) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const name of models)
  for (const variant of Object.keys(variants)) {
    const rs = results.filter((r) => r.model === name && r.variant === variant);
    if (!rs.length) continue;
    const g8 = rs.map((r) => 100 * (r.ann - r.t8));
    const g32 = rs.map((r) => 100 * (r.ann - r.t32));
    const f = (a) => `${mean(a).toFixed(2)} ± ${sd(a).toFixed(2)}`;
    rows.push(
      `| ${name} | ${variant} | ${rs.length} | ${(100 * rs[0].ann).toFixed(2)} | ${f(rs.map((r) => 100 * r.t8))} | ${f(g8)} | ${f(rs.map((r) => 100 * r.t32))} | ${f(g32)} |`,
    );
  }
rows.push(
  '',
  '| model | method | seeds | SNN T=32 % | activation sparsity (T = 32) | SNN energy / digit, fp32 45 nm (T = 32) | ANN energy / digit |',
  '| --- | --- | --- | --- | --- | --- | --- |',
);
for (const name of models)
  for (const variant of Object.keys(variants)) {
    const rs = results.filter((r) => r.model === name && r.variant === variant);
    if (!rs.length) continue;
    const f = (a, d = 2) => `${mean(a).toFixed(d)} ± ${sd(a).toFixed(d)}`;
    rows.push(
      `| ${name} | ${variant} | ${rs.length} | ${f(rs.map((r) => 100 * r.t32))} | ${f(
        rs.map((r) => r.sparsity),
        3,
      )} | ${f(
        rs.map((r) => 1e9 * r.snnJoules),
        1,
      )} nJ | ${(1e9 * rs[0].annJoules).toFixed(1)} nJ |`,
    );
  }
writeFileSync(path.join(out, 'mnist-results.md'), rows.join('\n') + '\n');
console.log(rows.join('\n'));
