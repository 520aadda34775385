// Memory after one training step vs the number of relaxation steps (10, 100, 1000), EP kernel vs the
// BPTT baseline (tfjs autodiff through relaxTensors' unrolled steps; peak bytes from tf.profile),
// 784-500-10, batch 20, wasm. Writes packages/eqprop/docs/memory-vs-steps.svg and prints the numbers.
//   nice -n 10 node packages/eqprop/scripts/memory-plot.mjs
import { writeFileSync } from 'node:fs';
import { setBackend, tf } from '@neurite/tensor';
import { EqPropKernel, relaxTensors } from '@neurite/eqprop';
import { linePlot } from '@neurite/plot';

await setBackend('wasm');
const B = 20;
const x = Float32Array.from({ length: B * 784 }, (_, i) => (((i * 7919) % 1000) / 1000 > 0.81 ? ((i * 7919) % 1000) / 1000 : 0));
const y = Int32Array.from({ length: B }, (_, b) => b % 10);
const rows = [];
for (const steps of [10, 100, 1000]) {
  const k = new EqPropKernel({ inputDim: 784, hiddenDims: [500], outputDim: 10, epsilon: 0, maxSteps: steps, nudgedSteps: steps, seed: 0 });
  const before = tf.memory().numBytes;
  const xt = tf.tensor2d(x, [B, 784]);
  await k.trainStep(xt, y);
  xt.dispose();
  const ep = k.memoryBytes + (tf.memory().numBytes - before);
  const prof = await tf.profile(() => {
    const w = k.net.weights.map((a, l) => tf.tensor2d(a, [k.sizes[l], k.sizes[l + 1]]));
    const b = k.net.biases.map((a) => tf.tensor1d(a));
    const xb = tf.tensor2d(x, [B, 784]);
    const t = tf.oneHot(tf.tensor1d(y, 'int32'), 10);
    const g = tf.grads((...p) => {
      const s = relaxTensors({ weights: p.slice(0, 2), biases: p.slice(2) }, xb, { steps });
      return tf.sum(tf.square(tf.sub(s[1], t)));
    })([...w, ...b]);
    tf.dispose([...g, ...w, ...b, xb, t]);
  });
  rows.push({ steps, epBytes: ep, bpttPeakBytes: prof.peakBytes });
  console.log(`steps ${steps}: EP ${ep} B, BPTT peak ${prof.peakBytes} B`);
}
const svg = await linePlot(
  {
    series: [
      { name: 'EP (weights + states + scratch)', x: rows.map((r) => r.steps), y: rows.map((r) => r.epBytes / 2 ** 20) },
      { name: 'BPTT peak tensor memory', x: rows.map((r) => r.steps), y: rows.map((r) => r.bpttPeakBytes / 2 ** 20), dashed: true },
    ],
  },
  {
    title: 'Memory of one training step, 784-500-10, batch 20',
    xLabel: 'relaxation steps',
    yLabel: 'MiB',
    xScale: 'log',
    yScale: 'log',
    width: 520,
    height: 300,
    points: true,
  },
);
writeFileSync(new URL('../docs/memory-vs-steps.svg', import.meta.url).pathname, svg);
writeFileSync(new URL('../docs/memory-vs-steps.json', import.meta.url).pathname, JSON.stringify(rows, null, 1) + '\n');
