import { tf } from '@neurite/tensor';
import type { LayerNode, Network } from './network.js';
import type { NodeParams } from './params.js';

/** Computes an activation node's output from its input (ANN ReLU, QCFS or one IF step). */
export type ActivationFn = (index: number, node: LayerNode, x: tf.Tensor, p: NodeParams) => tf.Tensor;

/**
 * Evaluate the network on a batch `x` ([B, ...inputShape], NHWC) once, calling
 * `act` for every activation node. `seen(i, y)` (optional) sees every node's
 * output; `cached[i]`, where set, is node i's output computed before (not
 * recomputed). Returns the output node's tensor. Call inside tf.tidy.
 */
export function forward(
  net: Network,
  params: NodeParams[],
  x: tf.Tensor,
  act: ActivationFn,
  seen?: (i: number, y: tf.Tensor) => void,
  cached?: tf.Tensor[],
): tf.Tensor {
  const vals: tf.Tensor[] = new Array<tf.Tensor>(net.nodes.length);
  for (let i = 0; i < net.nodes.length; i++) {
    const n = net.nodes[i];
    const y =
      cached?.[i] !== undefined
        ? cached[i]
        : n.op.kind === 'act' || n.op.kind === 'qcfs' || n.op.kind === 'if'
          ? act(i, n, vals[n.inputs[0]], params[i])
          : evalNode(n, params[i], vals, x);
    vals[i] = y;
    seen?.(i, y);
  }
  return vals[net.output];
}

/** One non-activation node's output from the values of earlier nodes (`x` for the input node). */
export function evalNode(n: LayerNode, p: NodeParams, vals: tf.Tensor[], x: tf.Tensor): tf.Tensor {
  const op = n.op;
  const a = n.inputs.length > 0 ? vals[n.inputs[0]] : x;
  switch (op.kind) {
    case 'input':
      return x;
    case 'dense':
      return tf.add(tf.matMul(a as tf.Tensor2D, p.w as tf.Tensor2D), p.b!);
    case 'conv2d':
      return tf.add(tf.conv2d(a as tf.Tensor4D, p.w as tf.Tensor4D, op.strides, op.padding, 'NHWC', op.dilation), p.b!);
    case 'depthwise':
      return tf.add(tf.depthwiseConv2d(a as tf.Tensor4D, p.w as tf.Tensor4D, op.strides, op.padding), p.b!);
    case 'batchnorm':
      return tf.batchNorm(a, op.mean, op.variance, op.beta, op.gamma, op.epsilon);
    case 'avgpool':
      return tf.avgPool(a as tf.Tensor4D, op.pool, op.strides, op.padding);
    case 'maxpool':
      return tf.maxPool(a as tf.Tensor4D, op.pool, op.strides, op.padding);
    case 'gap':
      return tf.mean(a, [1, 2]);
    case 'flatten':
      return tf.reshape(a, [a.shape[0], -1]);
    case 'zeropad':
      return tf.pad(a, [[0, 0], op.pad[0], op.pad[1], [0, 0]]);
    case 'scale':
      return tf.mul(a, tf.tensor(op.scale, n.shape, 'float32'));
    case 'add':
      return n.inputs.map((k) => vals[k]).reduce((s, v) => tf.add(s, v));
    default:
      throw new Error(`evalNode: '${n.name}' is an activation (${op.kind})`);
  }
}

/** The ANN's own activations: ReLU, SiLU x·σ(x), GELU (tanh form). QCFS / IF nodes are not expected here. */
export const annActivation: ActivationFn = (_i, node, x) => {
  const op = node.op;
  if (op.kind !== 'act') throw new Error(`annActivation: node '${node.name}' is ${op.kind}`);
  if (op.fn === 'relu') return tf.relu(x);
  if (op.fn === 'silu') return tf.mul(x, tf.sigmoid(x));
  // GELU, tanh approximation (Hendrycks & Gimpel 2016): x/2 (1 + tanh(√(2/π)(x + 0.044715 x³)))
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
};
