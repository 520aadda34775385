/**
 * The converter's own description of a network: a topologically ordered list
 * of nodes over NHWC tensors (tfjs layout; batch first). Every stage of the
 * pipeline (ANN → folded → QCFS → spiking) is a `Network` with different
 * activation nodes; weights are plain Float32Arrays so a network can be
 * copied, inspected and saved without tensors.
 */
export type Padding2d = 'same' | 'valid';

/** The operation of one node, by `kind` (NHWC layouts; weights as plain Float32Arrays). */
export type LayerOp =
  | { kind: 'input'; shape: number[] }
  /** y = x W + b, W: [in, out] (Keras layout). */
  | { kind: 'dense'; w: Float32Array; b: Float32Array; inUnits: number; units: number }
  /** y = conv(x, W) + b, W: [kh, kw, cin, cout]. */
  | {
      kind: 'conv2d';
      w: Float32Array;
      b: Float32Array;
      kernel: [number, number];
      cin: number;
      cout: number;
      strides: [number, number];
      padding: Padding2d;
      dilation: [number, number];
    }
  /** y = depthwise(x, W) + b, W: [kh, kw, cin, multiplier]. */
  | {
      kind: 'depthwise';
      w: Float32Array;
      b: Float32Array;
      kernel: [number, number];
      cin: number;
      multiplier: number;
      strides: [number, number];
      padding: Padding2d;
    }
  /** y = γ (x − μ) / √(σ² + ε) + β over the last (channel) axis. */
  | { kind: 'batchnorm'; gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array; epsilon: number }
  | { kind: 'avgpool'; pool: [number, number]; strides: [number, number]; padding: Padding2d }
  | { kind: 'maxpool'; pool: [number, number]; strides: [number, number]; padding: Padding2d }
  | { kind: 'gap' }
  | { kind: 'flatten' }
  | { kind: 'zeropad'; pad: [[number, number], [number, number]] }
  | { kind: 'add' }
  /** The ANN's nonlinearity. 'silu' and 'gelu' are converted as ReLU (see README, "Approximations"). */
  | { kind: 'act'; fn: 'relu' | 'silu' | 'gelu' }
  /**
   * QCFS (Bu et al., ICLR 2022): y = λ/L · clip(⌊x L/λ + φ⌋, 0, L), φ = 1/2,
   * λ per channel (length 1 when layer-wise).
   */
  | { kind: 'qcfs'; lambda: Float32Array; L: number }
  /**
   * (Leaky) integrate-and-fire neuron, reset by subtraction: v ← β v + x; s = [v ≥ θ];
   * v ← v − θ s; output θ s (a spike weighted by its threshold, which the
   * next layer's weights absorb on export), or s itself when `binary` (the
   * weights already hold θ, as in a NIR graph). v(0) = v0 · θ. `beta`: the
   * leak per step, 0 < β ≤ 1 (absent or 1: IF; below 1: LIF, NIR τ = 1/(1 − β) at dt = 1).
   */
  | { kind: 'if'; theta: Float32Array; v0: number; binary?: boolean; beta?: number }
  /** y = s ⊙ x, s of the node's full output shape (NHWC), e.g. from a NIR Scale node. */
  | { kind: 'scale'; scale: Float32Array };

/** One node of a {@link Network}. */
export interface LayerNode {
  /** Unique name (the source layer's name, or derived from it). */
  name: string;
  /** The tfjs-layers class it came from ('Dense', 'Conv2D', …) or the converter's own. */
  className: string;
  /** What it computes. */
  op: LayerOp;
  /** Indices of the input nodes (earlier in the list). */
  inputs: number[];
  /** Output shape without the batch dimension. */
  shape: number[];
}

/** A network in the converter's form (see the file comment): nodes in topological order. */
export interface Network {
  /** The nodes, every node after its inputs; node 0 is the input. */
  nodes: LayerNode[];
  /** Index of the output node. */
  output: number;
}

/** A deep copy (weights included). */
export function cloneNetwork(net: Network): Network {
  return {
    output: net.output,
    nodes: net.nodes.map((n) => ({ ...n, inputs: [...n.inputs], shape: [...n.shape], op: cloneOp(n.op) })),
  };
}

function cloneOp(op: LayerOp): LayerOp {
  const o: Record<string, unknown> = { ...op };
  for (const [k, v] of Object.entries(o)) if (v instanceof Float32Array) o[k] = v.slice();
  return o as unknown as LayerOp;
}

/** Number of channels of a node's output (last axis). */
export function channels(n: LayerNode): number {
  return n.shape[n.shape.length - 1];
}

/** Number of elements of a node's output per sample. */
export function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The kinds that hold an activation (ANN act, QCFS or IF). */
export function isActivation(op: LayerOp): boolean {
  return op.kind === 'act' || op.kind === 'qcfs' || op.kind === 'if';
}

/**
 * Remove the nodes in `drop` (each must have exactly one input); their
 * consumers take that input instead. Returns a new network (arrays shared).
 */
export function bypassNodes(net: Network, drop: Set<number>): Network {
  const target = (i: number): number => (drop.has(i) ? target(net.nodes[i].inputs[0]) : i);
  const newIndex = new Int32Array(net.nodes.length).fill(-1);
  const nodes: LayerNode[] = [];
  net.nodes.forEach((n, i) => {
    if (drop.has(i)) return;
    newIndex[i] = nodes.length;
    nodes.push({ ...n, inputs: n.inputs.map((k) => newIndex[target(k)]) });
  });
  return { nodes, output: newIndex[target(net.output)] };
}

/** For each node, the indices of the nodes reading it. */
export function consumers(net: Network): number[][] {
  const out: number[][] = net.nodes.map(() => []);
  net.nodes.forEach((n, i) => n.inputs.forEach((k) => out[k].push(i)));
  return out;
}
