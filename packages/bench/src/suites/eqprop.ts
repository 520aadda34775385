import { spawnSync } from 'node:child_process';
import { tf } from '@neurite/tensor';
import { loadavg } from 'node:os';
import { createParallelTrainer, EqPropKernel, relaxTensors, scellierPreset } from '@neurite/eqprop';
import { pythonExecutable, referenceScript } from '../python.js';
import type { BenchResult, Suite } from '../suite.js';

type Ref = Record<string, number | string>;

/**
 * Inputs the references rebuild exactly (references/eqprop.py `synthetic_batch`):
 * x[b, i] = v if v > 0.81 else 0 with v = ((b + offset)·104729 + i·7919 mod 1000)/1000 (≈ 19% non-zero,
 * like MNIST pixels), labels (b + offset) mod 10. Exported for packages/eqprop/scripts/cpu-throughput.mjs,
 * which times the kernel on the same batches.
 */
export function syntheticBatch(B: number, n: number, offset = 0): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(B * n);
  const y = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    y[b] = (b + offset) % 10;
    for (let i = 0; i < n; i++) {
      const v = (((b + offset) * 104729 + i * 7919) % 1000) / 1000;
      x[b * n + i] = v > 0.81 ? v : 0;
    }
  }
  return { x, y };
}

/**
 * β and α of the numpy and PyTorch references (½‖s_L − y‖² cost, β = 1, α = 0.1 / 0.05), so that both sides run
 * the same algorithm; scellierPreset passes the published code's β' = 2β, α' = 2α for its cost without the ½
 * (the same work per step either way).
 */
const REFERENCE_NUDGE = { beta: 1, lr: [0.1, 0.05] };

/** The PyTorch reference (references/eqprop_torch.py) on the bench's Python (Debian's python3-torch). */
function torchReference(quick: boolean): Ref | undefined {
  const r = spawnSync(pythonExecutable(), [referenceScript('eqprop_torch.py'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const doc = JSON.parse(r.stdout) as Ref;
  return typeof doc.train_samples_per_s_784_500_10_b20 === 'number' ? doc : undefined;
}

/**
 * eqprop suite: EP training throughput (784-500-10, batch 20, Scellier & Bengio 2017's 20 free + 4
 * nudged steps) against the project's numpy version of the same algorithm (references/eqprop.py) and
 * a PyTorch CPU one (references/eqprop_torch.py), both single-threaded like the kernel; a 20-step free
 * phase at batch 256 against two bare tfjs matMuls of the same shapes on the active backend; and memory
 * after a training step as the step count grows, beside the BPTT baseline (tfjs autodiff through
 * the unrolled relaxation), whose peak grows with it. The kernel's phases run as WebAssembly SIMD
 * loops on its own memory: its figures do not depend on the tfjs backend.
 */
export const eqpropSuite: Suite = {
  name: 'eqprop',
  description: 'equilibrium propagation: training throughput, free-phase sweep, memory vs relaxation steps',
  async run(ctx) {
    const results: BenchResult[] = [];
    const ref = ctx.pythonReference<Ref>('eqprop.py', ctx.quick ? ['--quick'] : []);
    const torch = torchReference(ctx.quick);

    ctx.progress('train 784-500-10, batch 20, 20 + 4 steps');
    {
      const kernel = new EqPropKernel({
        ...scellierPreset({ inputDim: 784, hiddenDims: [500], outputDim: 10 }),
        ...REFERENCE_NUDGE,
        persistent: false,
        seed: 0,
      });
      const batches = Array.from({ length: 10 }, (_, j) => syntheticBatch(20, 784, 20 * j));
      // warm-up until V8 has tiered the WebAssembly functions up from the baseline compiler (≈ 50 batches)
      for (let r = 0; r < 8; r++) for (const { x, y } of batches) kernel.trainBatch(x, y);
      const us = await ctx.measure(() => {
        for (const { x, y } of batches) kernel.trainBatch(x, y);
      });
      const sps = 200 / (us / 1e6);
      // the same per CPU second of the process, beside the references' (less sensitive to other load on the machine;
      // all threads count: here also V8's background GC and compiler threads, which makes this figure the lower one)
      const reps = ctx.quick ? 5 : 15;
      const c0 = process.cpuUsage();
      for (let r = 0; r < reps; r++) for (const { x, y } of batches) kernel.trainBatch(x, y);
      const cpuSps = (200 * reps) / (process.cpuUsage(c0).user / 1e6);
      const row = (name: string, r: Ref | undefined, goal: string): BenchResult => {
        const v = r?.train_samples_per_s_784_500_10_b20;
        const vc = r?.train_samples_per_cpu_s_784_500_10_b20;
        const out: BenchResult = {
          case: 'train samples/s',
          params: { arch: '784-500-10', batch: 20, steps: '20+4', vs: name },
          backend: ctx.backend,
          metric: 'throughput',
          unit: 'samples/s',
          value: sps,
          goal,
        };
        if (typeof v === 'number') {
          out.reference = { name, value: v };
          out.ratio = sps / v;
          if (typeof vc === 'number')
            out.note = `per process CPU second (all threads): ${cpuSps.toFixed(0)} vs ${name} ${vc.toFixed(0)} samples (ratio ${(cpuSps / vc).toFixed(2)})`;
        } else out.note = `${name} reference not available on this machine`;
        return out;
      };
      results.push(row('numpy', ref, 'ratio ≥ 3 (vs numpy)'));
      results.push(row(`pytorch-cpu${torch?.torch ? ` ${String(torch.torch)}` : ''}`, torch, 'ratio ≥ 1 (vs PyTorch CPU)'));
    }

    ctx.progress('train 784-500-10 on 2 workers (data-parallel blocks of 10 rows) vs one thread');
    {
      // numpy with 2 BLAS threads (the reference reads OPENBLAS_NUM_THREADS before numpy loads; default 1)
      const r2 = spawnSync(pythonExecutable(), [referenceScript('eqprop.py'), ...(ctx.quick ? ['--quick'] : [])], {
        encoding: 'utf8',
        env: { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' },
      });
      const numpy2 = r2.status === 0 ? (JSON.parse(r2.stdout) as Ref).train_samples_per_s_784_500_10_b20 : undefined;
      const opts = {
        ...scellierPreset({ inputDim: 784, hiddenDims: [500], outputDim: 10 }),
        ...REFERENCE_NUDGE,
        persistent: false,
        seed: 0,
      };
      const single = new EqPropKernel(opts);
      const trainer = await createParallelTrainer(new EqPropKernel(opts), { workers: 2, blockRows: 10 });
      const batches = Array.from({ length: 10 }, (_, j) => syntheticBatch(20, 784, 20 * j));
      const load0 = loadavg()[0];
      try {
        for (let r = 0; r < 8; r++) {
          for (const { x, y } of batches) single.trainBatch(x, y);
          for (const { x, y } of batches) await trainer.trainBatch(x, y);
        }
        // paired A/B: one thread and 2 workers alternate, 10 batches each, so both see the same load
        const one: number[] = [];
        const two: number[] = [];
        for (let rep = 0; rep < (ctx.quick ? 7 : 21); rep++) {
          let t = performance.now();
          for (const { x, y } of batches) single.trainBatch(x, y);
          one.push(200 / ((performance.now() - t) / 1000));
          t = performance.now();
          for (const { x, y } of batches) await trainer.trainBatch(x, y);
          two.push(200 / ((performance.now() - t) / 1000));
        }
        const median = (a: number[]): number => a.slice().sort((p, q) => p - q)[a.length >> 1];
        const sps1 = median(one);
        const sps2 = median(two);
        const load = `load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)} (2-worker speed-ups only show on an idle machine)`;
        const v = ref?.train_samples_per_s_784_500_10_b20;
        results.push({
          case: 'train samples/s, 2 workers',
          params: { arch: '784-500-10', batch: 20, steps: '20+4', blockRows: 10, vs: 'numpy' },
          backend: ctx.backend,
          metric: 'throughput',
          unit: 'samples/s',
          value: sps2,
          ...(typeof v === 'number' ? { reference: { name: 'numpy (1 BLAS thread)', value: v }, ratio: sps2 / v } : {}),
          goal: 'ratio ≥ 3 (vs numpy)',
          note:
            `numpy runs on one core (OPENBLAS_NUM_THREADS=1); with 2 BLAS threads: ${typeof numpy2 === 'number' ? `${numpy2.toFixed(0)} samples/s` : 'not available'}` +
            `${typeof numpy2 === 'number' ? ` (2 workers / numpy-2-threads ${(sps2 / numpy2).toFixed(2)})` : ''}; ${load}`,
        });
        results.push({
          case: 'train speed-up, 2 workers / 1 thread',
          params: { arch: '784-500-10', batch: 20, steps: '20+4', blockRows: 10 },
          backend: ctx.backend,
          metric: 'ratio',
          unit: 'x',
          value: sps2 / sps1,
          reference: { name: 'EqPropKernel.trainBatch, one thread (samples/s)', value: sps1 },
          ratio: sps2 / sps1,
          goal: 'ratio > 1',
          note: `paired medians of ${one.length} alternating rounds of 10 batches; ${load}`,
        });
      } finally {
        await trainer.close();
      }
    }

    ctx.progress('free phase 784-500-10, batch 256, 20 steps vs two matMuls');
    {
      const kernel = new EqPropKernel({
        inputDim: 784,
        hiddenDims: [500],
        outputDim: 10,
        epsilon: 0,
        maxSteps: 20,
        spectralNorm: false,
        seed: 0,
      });
      const { x } = syntheticBatch(256, 784);
      for (let r = 0; r < 5; r++) kernel.predictArray(x); // (tier-up, as above)
      const free = await ctx.measure(() => kernel.predictArray(x));
      const xt = tf.tensor2d(x, [256, 784]);
      const w0 = tf.tensor2d(kernel.net.weights[0], [784, 500]);
      const w1 = tf.tensor2d(kernel.net.weights[1], [500, 10]);
      const h = tf.fill([256, 500], 0.5);
      const two = await ctx.measure(async () => {
        const a = tf.matMul(xt, w0);
        const b = tf.matMul(h, w1);
        await Promise.all([a.data(), b.data()]);
        tf.dispose([a, b]);
      });
      tf.dispose([xt, w0, w1, h]);
      results.push({
        case: 'free phase',
        params: { arch: '784-500-10', batch: 256, steps: 20 },
        backend: ctx.backend,
        metric: 'time',
        unit: 'us',
        value: free,
        reference: { name: 'two tfjs matMuls [256,784]x[784,500] + [256,500]x[500,10]', value: two },
        ratio: free / two,
        goal: 'ratio ≤ 1.3',
        note:
          typeof ref?.free_phase_us_784_500_10_b256_20steps === 'number'
            ? `numpy same free phase: ${(ref.free_phase_us_784_500_10_b256_20steps / 1000).toFixed(1)} ms`
            : undefined,
      });
    }

    ctx.progress('memory vs relaxation steps (EP vs BPTT)');
    for (const steps of ctx.quick ? [10, 100] : [10, 100, 1000]) {
      const kernel = new EqPropKernel({
        inputDim: 784,
        hiddenDims: [500],
        outputDim: 10,
        epsilon: 0,
        maxSteps: steps,
        nudgedSteps: steps,
        seed: 0,
      });
      const { x, y } = syntheticBatch(20, 784);
      const before = tf.memory().numBytes;
      const xt = tf.tensor2d(x, [20, 784]);
      await kernel.trainStep(xt, y);
      xt.dispose();
      const tensorBytes = tf.memory().numBytes - before;
      results.push({
        case: 'memory EP',
        params: { arch: '784-500-10', batch: 20, steps },
        backend: ctx.backend,
        metric: 'memory',
        unit: 'bytes',
        value: kernel.memoryBytes + tensorBytes,
        goal: 'flat in steps',
        note: `weights + states + scratch ${kernel.memoryBytes} B; tensors left after trainStep ${tensorBytes} B`,
      });
      const bptt = await tf.profile(() => {
        const params = {
          weights: kernel.net.weights.map((w, l) => tf.tensor2d(w, [kernel.sizes[l], kernel.sizes[l + 1]])),
          biases: kernel.net.biases.map((b) => tf.tensor1d(b)),
        };
        const xb = tf.tensor2d(x, [20, 784]);
        const target = tf.oneHot(tf.tensor1d(y, 'int32'), 10);
        const g = tf.grads((...p: tf.Tensor[]) => {
          const s = relaxTensors({ weights: p.slice(0, 2) as tf.Tensor2D[], biases: p.slice(2) as tf.Tensor1D[] }, xb, { steps });
          return tf.sum(tf.square(tf.sub(s[1], target))) as tf.Scalar;
        })([...params.weights, ...params.biases]);
        tf.dispose([...g, ...params.weights, ...params.biases, xb, target]);
      });
      results.push({
        case: 'memory BPTT',
        params: { arch: '784-500-10', batch: 20, steps },
        backend: ctx.backend,
        metric: 'memory',
        unit: 'bytes',
        value: bptt.peakBytes,
        note: 'peak tensor bytes of tf.grads through relaxTensors (tf.profile)',
      });
    }
    return results;
  },
};
