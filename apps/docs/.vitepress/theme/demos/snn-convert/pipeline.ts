// The snn-convert demo's computation, shared by the page (SnnConvertDemo.vue, on the backend the shell
// selected) and its browser test (the same function in Node on the cpu backend):
// read the example MLP, quantise it to 8-bit fixed point (weights and biases on a 1/256 grid, pixels
// p/256), calibrate λ per channel at the 99.9th percentile of its ReLU activations on the demo digits
// (QCFS levels L, rounded to a 1/16 grid), swap in IF neurons (θ = λ, v(0) = θ/2, reset by subtraction),
// then run T steps: accuracy after every step, spikes per layer, energy estimate, and one digit's raster.
// Every value is then a dyadic rational whose sums stay exact in float32 (|products| on a 2^-16 grid,
// sums < 2^8), so every backend computes the same currents and the same spikes.
import type * as SnnConvert from '@neurite/snn-convert';

type Snn = typeof SnnConvert;

export interface SnnDemoOptions {
  /** Timesteps (the accuracy curve runs t = 1..T). */
  T: number;
  /** QCFS quantisation levels used for calibration. */
  L: number;
}

export interface SnnDemoInput {
  modelJson: string;
  weights: Uint8Array;
  /** n × 784 uint8 pixels, then n labels (public/snn-convert/digits.bin). */
  digits: Uint8Array;
}

export interface SnnDemoResult {
  T: number;
  L: number;
  n: number;
  /** The 8-bit ANN's accuracy on the digits. */
  annAccuracy: number;
  /** SNN accuracy after t = 1..T steps. */
  accuracyPerStep: number[];
  /** Spikes per IF layer over all digits and steps. */
  spikes: Record<string, number>;
  /** Thresholds θ (per channel) of each IF layer. */
  thresholds: Record<string, number[]>;
  sparsity: number;
  /** Per digit, fp32 45 nm figures (Horowitz 2014): E_MAC = 4.6 pJ, E_AC = 0.9 pJ. */
  energy: { snnJoules: number; annJoules: number; sops: number; macs: number; annMacs: number };
}

/** Pixels p/256 and labels of the digits file. */
export function decodeDigits(bytes: Uint8Array): { images: Float32Array; labels: Uint8Array; n: number } {
  const n = bytes.length / 785;
  if (!Number.isInteger(n) || n < 1) throw new Error(`digits.bin: ${bytes.length} bytes is not n × 785`);
  const images = Float32Array.from(bytes.subarray(0, n * 784), (p) => p / 256);
  return { images, labels: bytes.slice(n * 784), n };
}

const grid = (a: Float32Array, step: number) => a.map((v) => Math.round(v / step) * step);

/** The whole conversion and evaluation; `time(steps, fn)` wraps the timed SNN run (the demo shell's ctx.time). */
export async function convertDemo(
  snn: Snn,
  input: SnnDemoInput,
  opts: SnnDemoOptions,
  time: <R>(steps: number, fn: () => Promise<R>) => Promise<R> = (_s, fn) => fn(),
): Promise<{ result: SnnDemoResult; spiking: SnnConvert.SpikingNetwork; images: Float32Array }> {
  const data = decodeDigits(input.digits);
  const model = await snn.loadModel({ modelJson: input.modelJson, weights: input.weights }, 'mnist-mlp.json');
  let net: SnnConvert.Network;
  try {
    net = snn.foldBatchNorm(await snn.fromLayersModel(model));
  } finally {
    model.dispose();
  }
  for (const node of net.nodes)
    if (node.op.kind === 'dense') {
      node.op.w = grid(node.op.w, 1 / 256);
      node.op.b = grid(node.op.b, 1 / 256);
    }
  const annAccuracy = await snn.accuracyOf(net, data, snn.annActivation);
  const q = await snn.toQcfs(net, data, { calibration: 'p99.9', L: opts.L, calibrationSamples: data.n });
  for (const node of q.nodes)
    if (node.op.kind === 'qcfs') node.op.lambda = node.op.lambda.map((l) => Math.max(1 / 16, Math.round(l * 16) / 16));
  const spiking = snn.toSpiking(q, { v0: 0.5 });
  const ev = await time(opts.T * Math.ceil(data.n / 256), () => snn.evaluate(spiking, data, { T: opts.T }));
  const e = snn.energyOf(spiking, ev, 'fp32-45nm');
  const sp = snn.sparsityOf(ev);
  const thresholds: Record<string, number[]> = {};
  for (const node of spiking.network.nodes) if (node.op.kind === 'if') thresholds[node.name] = Array.from(node.op.theta);
  return {
    result: {
      T: opts.T,
      L: opts.L,
      n: data.n,
      annAccuracy,
      accuracyPerStep: ev.perStep,
      spikes: ev.spikes,
      thresholds,
      sparsity: sp.sparsity,
      energy: { snnJoules: e.snnJoules, annJoules: e.annJoules, sops: e.sops, macs: e.macs, annMacs: e.annMacs },
    },
    spiking,
    images: data.images,
  };
}
