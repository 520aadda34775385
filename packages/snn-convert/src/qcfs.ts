import { tf } from '@neurite/tensor';
import { unaryCustomGrad } from './custom-grad.js';
import { ConvertError, checkInt } from './convert-error.js';
import { annActivation, forward } from './forward.js';
import type { LabelledData } from './labelled-data.js';
import { batches, checkData, gatherBatch } from './labelled-data.js';
import { channels, cloneNetwork, size } from './network.js';
import type { Network } from './network.js';
import { disposeParams, makeParams } from './params.js';
import type { NodeParams } from './params.js';

/** How the clip level λ of each activation is first chosen. */
export type Calibration = 'qcfs' | 'max' | 'p99.9';

/** Options of {@link toQcfs}. */
export interface ToQcfsOptions {
  /** Quantisation levels L (QCFS paper: 4–16); default 8. */
  L?: number;
  /** One λ per channel (default) or one per layer. */
  channelWise?: boolean;
  /**
   * 'max': λ = the largest ANN activation seen on `data`; 'p99.9': its 99.9th
   * percentile (Rueckauer et al. 2017's robust normalisation); 'qcfs' (default):
   * start at the 99.9th percentile, then learn λ (train with {@link trainQcfs}).
   */
  calibration?: Calibration;
  /** MaxPooling2D: 'average' (default: replaced by average pooling, then QCFS training adapts) or 'keep' (max over weighted spikes; costs accuracy). */
  maxPool?: 'average' | 'keep';
  /** Samples used to calibrate (default 512). */
  calibrationSamples?: number;
}

const floorSte = unaryCustomGrad((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([]);
  return { value: tf.floor(x), gradFunc: (dy: tf.Tensor) => [dy] };
});

/**
 * The QCFS activation (Bu et al., ICLR 2022, eq. 9), φ = 1/2:
 *
 *   y = λ/L · clip(⌊x·L/λ + φ⌋, 0, L)
 *
 * with a straight-through estimator for ⌊·⌋ (d⌊u⌋/du := 1), so λ (per channel,
 * broadcast over the last axis) and x get gradients.
 */
export function qcfs(x: tf.Tensor, lambda: tf.Tensor, L: number): tf.Tensor {
  return tf.tidy(() => {
    const u = tf.add(tf.div(tf.mul(x, L), lambda), 0.5);
    return tf.mul(tf.div(lambda, L), tf.clipByValue(floorSte(u), 0, L));
  });
}

/** Activation callback running QCFS nodes (and ANN ones if any remain). */
export const qcfsActivation = (_i: number, node: Network['nodes'][number], x: tf.Tensor, p: NodeParams): tf.Tensor => {
  const op = node.op;
  if (op.kind === 'qcfs') return qcfs(x, p.t!, op.L);
  return annActivation(_i, node, x, p);
};

/**
 * Replace every activation of a (BN-folded) network by QCFS with λ calibrated
 * on `data` (ANN activations). MaxPooling2D becomes average pooling unless
 * `maxPool: 'keep'`. Returns a new network.
 * @throws ConvertError for L < 1, empty data, or a network without activations.
 */
export async function toQcfs(net: Network, data: LabelledData, opts: ToQcfsOptions = {}): Promise<Network> {
  const L = checkInt('toQcfs', 'L', opts.L ?? 8, 1, 1 << 20);
  const calibration = opts.calibration ?? 'qcfs';
  if (!['qcfs', 'max', 'p99.9'].includes(calibration))
    throw new ConvertError('calibration', `toQcfs: calibration must be 'qcfs', 'max' or 'p99.9', got '${String(calibration)}'`);
  const channelWise = opts.channelWise ?? true;
  const inShape = net.nodes[0].shape;
  const n = checkData('toQcfs', 'data', data, size(inShape));
  const m = Math.min(n, checkInt('toQcfs', 'calibrationSamples', opts.calibrationSamples ?? 512, 1));
  const acts = net.nodes.flatMap((nd, i) => (nd.op.kind === 'act' ? [i] : []));
  if (acts.length === 0)
    throw new ConvertError('model', 'toQcfs: the network has no ReLU activation to convert', { code: 'ERR_UNSUPPORTED' });
  // Collect activations per node and channel over the calibration samples (evenly spaced over the data).
  const step = n / m;
  const idx = Int32Array.from({ length: m }, (_, k) => Math.floor(k * step));
  const chunks = new Map<number, Float32Array[]>();
  const params = makeParams(net);
  try {
    for (const [s, e] of batches(m, 128)) {
      const { x } = gatherBatch(data, idx.subarray(s, e), inShape);
      const arrays: [number, tf.Tensor][] = [];
      tf.tidy(() => {
        forward(net, params, x, annActivation, (i, y) => {
          if (acts.includes(i)) arrays.push([i, tf.keep(y)]);
        });
      });
      x.dispose();
      for (const [i, y] of arrays) {
        const d = (await y.data()) as Float32Array;
        y.dispose();
        if (!chunks.has(i)) chunks.set(i, []);
        chunks.get(i)!.push(d);
      }
    }
  } finally {
    disposeParams(params);
  }
  const out = cloneNetwork(net);
  for (const i of acts) {
    const node = out.nodes[i];
    const C = channelWise ? channels(node) : 1;
    const Cn = channels(node);
    const per: number[][] = Array.from({ length: C }, () => []);
    for (const d of chunks.get(i)!) for (let k = 0; k < d.length; k++) if (d[k] > 0) per[channelWise ? k % Cn : 0].push(d[k]);
    const lambda = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      const v = per[c].sort((a, b) => a - b);
      const q = calibration === 'max' ? 1 : 0.999;
      // A channel that never fires gets λ = the layer's value (or 1): any positive λ gives zero output there.
      lambda[c] = v.length === 0 ? NaN : v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))];
    }
    const fallback = lambda.filter((x) => Number.isFinite(x)).reduce((a, b) => Math.max(a, b), 0) || 1;
    for (let c = 0; c < C; c++) if (!Number.isFinite(lambda[c]) || lambda[c] <= 0) lambda[c] = fallback;
    node.op = { kind: 'qcfs', lambda, L };
    node.className = 'QCFS';
  }
  if ((opts.maxPool ?? 'average') === 'average')
    for (const node of out.nodes)
      if (node.op.kind === 'maxpool') {
        node.op = { ...node.op, kind: 'avgpool' };
        node.className = 'AveragePooling2D (was MaxPooling2D)';
      }
  return out;
}
