import { tf } from '@neurite/tensor';
import type { Network } from './network.js';
import { size } from './network.js';

/** The tensors of one node: weights, bias, and the per-channel λ (QCFS) or θ (IF). */
export interface NodeParams {
  /** Weights (Dense [in, out], Conv2D [kh, kw, cin, cout], depthwise [kh, kw, cin, multiplier]). */
  w?: tf.Tensor;
  /** Bias. */
  b?: tf.Tensor;
  /** λ (QCFS) or θ (IF/LIF). */
  t?: tf.Tensor;
}

/**
 * Tensors for every node of `net` (tf.variable when `trainable`, so an
 * optimizer can update them). The caller disposes them with {@link disposeParams}.
 */
export function makeParams(net: Network, trainable = false): NodeParams[] {
  const mk = (d: Float32Array, shape: number[]) =>
    trainable ? tf.variable(tf.tensor(d, shape, 'float32')) : tf.tensor(d, shape, 'float32');
  return tf.tidy(() =>
    net.nodes.map((n) => {
      const op = n.op;
      switch (op.kind) {
        case 'dense':
          return { w: mk(op.w, [op.inUnits, op.units]), b: mk(op.b, [op.units]) };
        case 'conv2d':
          return { w: mk(op.w, [op.kernel[0], op.kernel[1], op.cin, op.cout]), b: mk(op.b, [op.cout]) };
        case 'depthwise':
          return { w: mk(op.w, [op.kernel[0], op.kernel[1], op.cin, op.multiplier]), b: mk(op.b, [op.cin * op.multiplier]) };
        case 'qcfs':
          return { t: mk(op.lambda, [op.lambda.length]) };
        case 'if':
          // per channel (broadcast over the last axis), or one θ per neuron (from a NIR file)
          return {
            t: mk(op.theta, op.theta.length > 1 && op.theta.length === size(n.shape) && n.shape.length > 1 ? n.shape : [op.theta.length]),
          };
        default:
          return {};
      }
    }),
  );
}

/** Dispose the tensors made by {@link makeParams}. */
export function disposeParams(params: NodeParams[]): void {
  for (const p of params) for (const t of [p.w, p.b, p.t]) t?.dispose();
}

/** Copy the (trained) tensors back into the network's arrays (async reads). */
export async function writeBack(net: Network, params: NodeParams[]): Promise<void> {
  for (let i = 0; i < net.nodes.length; i++) {
    const op = net.nodes[i].op;
    const p = params[i];
    if ((op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'depthwise') && p.w && p.b) {
      op.w = new Float32Array(await p.w.data());
      op.b = new Float32Array(await p.b.data());
    } else if (op.kind === 'qcfs' && p.t) op.lambda = new Float32Array(await p.t.data());
    else if (op.kind === 'if' && p.t) op.theta = new Float32Array(await p.t.data());
  }
}

/** The trainable variables among `params`. */
export function variablesOf(params: NodeParams[]): tf.Variable[] {
  const out: tf.Variable[] = [];
  for (const p of params) for (const t of [p.w, p.b, p.t]) if (t instanceof tf.Variable) out.push(t);
  return out;
}
