import { tf } from '@neurite/tensor';
import { checkInt } from './convert-error.js';
import type { ActivationFn } from './forward.js';
import { forward } from './forward.js';
import type { LabelledData } from './labelled-data.js';
import { batches, checkData, gatherBatch, range } from './labelled-data.js';
import type { Network } from './network.js';
import { size } from './network.js';
import { disposeParams, makeParams } from './params.js';
import { simulate } from './simulate.js';
import type { SpikingNetwork } from './spiking-network.js';

/** Top-1 accuracy of a non-spiking network (ANN or QCFS) on `data`. */
export async function accuracyOf(net: Network, data: LabelledData, act: ActivationFn, batchSize = 256): Promise<number> {
  const inShape = net.nodes[0].shape;
  const n = checkData('accuracy', 'data', data, size(inShape));
  const params = makeParams(net);
  let correct = 0;
  try {
    for (const [s, e] of batches(n, batchSize)) {
      const { x, y } = gatherBatch(data, range(s, e), inShape);
      const pred = tf.tidy(() => tf.argMax(forward(net, params, x, act), 1));
      x.dispose();
      const p = await pred.data();
      pred.dispose();
      for (let k = 0; k < p.length; k++) if (p[k] === y[k]) correct++;
    }
  } finally {
    disposeParams(params);
  }
  return correct / n;
}

/** What {@link evaluate} measures on a data set. */
export interface SnnEvaluation {
  /** Accuracy of the readout after all T steps. */
  accuracy: number;
  /** Accuracy of the readout after t = 1..T steps. */
  perStep: number[];
  /** Spikes emitted per IF node (all samples, all steps), keyed by node name. */
  spikes: Record<string, number>;
  /** Neurons per IF node (per sample). */
  neurons: Record<string, number>;
  /** Samples evaluated. */
  samples: number;
  /** Timesteps run. */
  T: number;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Timesteps (≥ 1). */
  T: number;
  /** Samples per batch (default 256). */
  batchSize?: number;
  /** Called after each batch with samples done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Run the spiking network on `data` and report accuracy after every
 * timestep and spike counts per layer (`data.frames` set: event input).
 */
export async function evaluate(snn: SpikingNetwork, data: LabelledData, opts: EvaluateOptions): Promise<SnnEvaluation> {
  const T = checkInt('evaluate', 'T', opts?.T, 1, 1 << 20);
  const net = snn.network;
  const inShape = net.nodes[0].shape;
  const n = checkData('evaluate', 'data', data, size(inShape), snn.classes);
  const bs = checkInt('evaluate', 'batchSize', opts.batchSize ?? 256, 1);
  const correct = new Float64Array(T);
  const spikes: Record<string, number> = {};
  const neurons: Record<string, number> = {};
  const ifs = net.nodes.flatMap((nd, i) => (nd.op.kind === 'if' ? [i] : []));
  for (const i of ifs) {
    spikes[net.nodes[i].name] = 0;
    neurons[net.nodes[i].name] = size(net.nodes[i].shape);
  }
  const params = makeParams(net);
  let done = 0;
  try {
    for (const [s, e] of batches(n, bs)) {
      const { x, y } = gatherBatch(data, range(s, e), inShape);
      const preds: tf.Tensor[] = [];
      const counts: tf.Tensor[] = [];
      tf.tidy(() => {
        simulate(
          net,
          params,
          x,
          {
            T,
            onOutput: (_t, sum) => preds.push(tf.keep(tf.argMax(sum, 1))),
            onSpikes: (_t, sp) => counts.push(tf.keep(tf.stack(ifs.map((i) => tf.sum(sp.get(i)!))))),
          },
          data.frames,
        );
      });
      x.dispose();
      for (let t = 0; t < T; t++) {
        const p = await preds[t].data();
        for (let k = 0; k < p.length; k++) if (p[k] === y[k]) correct[t]++;
        const c = await counts[t].data();
        ifs.forEach((i, j) => (spikes[net.nodes[i].name] += c[j]));
      }
      preds.forEach((p) => p.dispose());
      counts.forEach((c) => c.dispose());
      opts.onProgress?.((done += e - s), n);
    }
  } finally {
    disposeParams(params);
  }
  const perStep = Array.from(correct, (c) => c / n);
  return { accuracy: perStep[T - 1], perStep, spikes, neurons, samples: n, T };
}
