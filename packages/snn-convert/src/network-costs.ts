import type { Network } from './network.js';
import { size } from './network.js';

/** Operation counts of one linear layer (see {@link linearCosts}). */
export interface LayerCost {
  /** Layer (node) name. */
  name: string;
  /** Multiply-accumulates per sample of this linear layer (dense / conv / depthwise). */
  macs: number;
  /** Elements of its input per sample. */
  inputs: number;
  /** Weights (parameters without bias). */
  weights: number;
  /** Weights equal to zero. */
  zeroWeights: number;
  /** Whether its input is the (analog) network input, reached through shape-only or pooling layers. */
  analogInput: boolean;
}

/** MACs, weights and zero weights of each linear layer, keyed by node index. */
export function linearCosts(net: Network): Map<number, LayerCost> {
  const out = new Map<number, LayerCost>();
  const analog = net.nodes.map(() => false);
  net.nodes.forEach((n, i) => {
    const op = n.op;
    const inp = n.inputs.length ? net.nodes[n.inputs[0]] : null;
    if (op.kind === 'input') analog[i] = true;
    else if (['avgpool', 'maxpool', 'gap', 'flatten', 'zeropad', 'scale', 'batchnorm'].includes(op.kind)) analog[i] = analog[n.inputs[0]];
    else if (op.kind === 'add') analog[i] = n.inputs.some((k) => analog[k]);
    if (op.kind !== 'dense' && op.kind !== 'conv2d' && op.kind !== 'depthwise') return;
    const outEl = size(n.shape);
    const macs =
      op.kind === 'dense'
        ? op.inUnits * op.units
        : op.kind === 'conv2d'
          ? outEl * op.kernel[0] * op.kernel[1] * op.cin
          : outEl * op.kernel[0] * op.kernel[1];
    let zero = 0;
    for (const w of op.w) if (w === 0) zero++;
    out.set(i, { name: n.name, macs, inputs: size(inp!.shape), weights: op.w.length, zeroWeights: zero, analogInput: analog[n.inputs[0]] });
  });
  return out;
}

/**
 * Synaptic fan-out of one neuron of each IF layer (and of one input element, key 0): the accumulate operations
 * one of its spikes causes in the linear layers it reaches through pooling,
 * flatten, add and scale nodes (per reached layer, MACs / input elements,
 * times the pooling's input-to-output ratio for overlapping windows).
 */
export function fanOut(net: Network): Map<number, number> {
  const costs = linearCosts(net);
  const cons: number[][] = net.nodes.map(() => []);
  net.nodes.forEach((n, i) => n.inputs.forEach((k) => cons[k].push(i)));
  const reach = (i: number): number => {
    let f = 0;
    for (const c of cons[i]) {
      const n = net.nodes[c];
      const op = n.op;
      const lc = costs.get(c);
      if (lc) f += lc.macs / lc.inputs;
      else if (op.kind === 'avgpool' || op.kind === 'maxpool') {
        const overlap = (op.pool[0] * op.pool[1]) / (op.strides[0] * op.strides[1]);
        f += Math.max(1, overlap) * reach(c);
      } else if (['gap', 'flatten', 'zeropad', 'scale', 'add'].includes(op.kind)) f += reach(c);
    }
    return f;
  };
  const out = new Map<number, number>();
  net.nodes.forEach((n, i) => {
    if (n.op.kind === 'if' || n.op.kind === 'input') out.set(i, reach(i));
  });
  return out;
}
