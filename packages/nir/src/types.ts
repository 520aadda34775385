/**
 * Data types of arrays as numpy names them. Floating data is held in a
 * Float32Array (float32) or a Float64Array (every other dtype, integers
 * included: int64 values must be safe integers, |x| < 2^53).
 */
export type DType = 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A dense n-d array, row-major, like a numpy array in a NIR file. */
export interface NirArray {
  /** Length of each dimension; the product is `data.length`. */
  shape: number[];
  /** The numpy dtype of the array in the file (the values are held as float32 or float64, see {@link DType}). */
  dtype: DType;
  /** The values, row-major. */
  data: Float32Array | Float64Array;
}

/**
 * Metadata values: string, float (`number`, written as float64), integer
 * (`bigint`, written as int64), array, or a nested dictionary.
 */
export type MetadataValue = string | number | bigint | NirArray | Metadata;
/** A metadata dictionary: string keys, {@link MetadataValue} values. */
export interface Metadata {
  [key: string]: MetadataValue;
}

/** Conv padding: an int, one int per spatial dim, or 'same' / 'valid'. */
export type Padding = number | NirArray | 'same' | 'valid';
/** Conv stride / dilation: an int or one int per spatial dim. */
export type IntOrArray = number | NirArray;

interface Base {
  /** Free-form metadata of the node, kept as read and written back (e.g. `reset_mode`). */
  metadata: Metadata;
}

/** The graph's input: an external signal of shape `shape` enters here, y = x. */
export interface InputNode extends Base {
  /** Node type tag. */
  type: 'Input';
  /** Shape of one input sample (no batch or time dimension). */
  shape: NirArray;
}
/** The graph's output: what reaches this node is the graph's result, y = x. */
export interface OutputNode extends Base {
  /** Node type tag. */
  type: 'Output';
  /** Shape of one output sample (no batch or time dimension). */
  shape: NirArray;
}
/** y = W x + b; weight (out, in), bias (out). */
export interface AffineNode extends Base {
  /** Node type tag. */
  type: 'Affine';
  /** Weight matrix W, shape (out, in). */
  weight: NirArray;
  /** Bias b, shape (out). */
  bias: NirArray;
}
/** y = W x; weight (out, in). */
export interface LinearNode extends Base {
  /** Node type tag. */
  type: 'Linear';
  /** Weight matrix W, shape (out, in). */
  weight: NirArray;
}
/** y = s ⊙ x. */
export interface ScaleNode extends Base {
  /** Node type tag. */
  type: 'Scale';
  /** Factor s per element. */
  scale: NirArray;
}
/** y(t) = x(t − d), d in seconds per element. */
export interface DelayNode extends Base {
  /** Node type tag. */
  type: 'Delay';
  /** Delay d per element, in seconds (a multiple of dt when run). */
  delay: NirArray;
}
/** z = H(x − θ). */
export interface ThresholdNode extends Base {
  /** Node type tag. */
  type: 'Threshold';
  /** Threshold θ per element. */
  threshold: NirArray;
}
/** dv/dt = R I. */
export interface INode extends Base {
  /** Node type tag. */
  type: 'I';
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
}
/** dv/dt = R I, spike and reset at v > v_threshold. */
export interface IFNode extends Base {
  /** Node type tag. */
  type: 'IF';
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
  /** Firing threshold per neuron: a spike when v > v_threshold. */
  v_threshold: NirArray;
  /** Potential after a spike (reset to v_reset), per neuron. */
  v_reset: NirArray;
}
/** τ dv/dt = (v_leak − v) + R I. */
export interface LINode extends Base {
  /** Node type tag. */
  type: 'LI';
  /** Membrane time constant τ per neuron, in seconds. */
  tau: NirArray;
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
  /** Leak (resting) potential per neuron. */
  v_leak: NirArray;
}
/** τ dv/dt = (v_leak − v) + R I, spike and reset at v > v_threshold. */
export interface LIFNode extends Base {
  /** Node type tag. */
  type: 'LIF';
  /** Membrane time constant τ per neuron, in seconds. */
  tau: NirArray;
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
  /** Leak (resting) potential per neuron. */
  v_leak: NirArray;
  /** Firing threshold per neuron: a spike when v > v_threshold. */
  v_threshold: NirArray;
  /** Potential after a spike (reset to v_reset), per neuron. */
  v_reset: NirArray;
}
/** τ_syn dI/dt = −I + w_in S; τ_mem dv/dt = (v_leak − v) + R I. */
export interface CubaLINode extends Base {
  /** Node type tag. */
  type: 'CubaLI';
  /** Synaptic time constant τ_syn per neuron, in seconds. */
  tau_syn: NirArray;
  /** Membrane time constant τ_mem per neuron, in seconds. */
  tau_mem: NirArray;
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
  /** Leak (resting) potential per neuron. */
  v_leak: NirArray;
  /** Input weight w_in per neuron (scales the spikes into the synaptic current). */
  w_in: NirArray;
}
/** CubaLI plus spike and reset at v > v_threshold. */
export interface CubaLIFNode extends Base {
  /** Node type tag. */
  type: 'CubaLIF';
  /** Synaptic time constant τ_syn per neuron, in seconds. */
  tau_syn: NirArray;
  /** Membrane time constant τ_mem per neuron, in seconds. */
  tau_mem: NirArray;
  /** Resistance R per neuron: the input current's gain. */
  r: NirArray;
  /** Leak (resting) potential per neuron. */
  v_leak: NirArray;
  /** Firing threshold per neuron: a spike when v > v_threshold. */
  v_threshold: NirArray;
  /** Potential after a spike (reset to v_reset), per neuron. */
  v_reset: NirArray;
  /** Input weight w_in per neuron (scales the spikes into the synaptic current). */
  w_in: NirArray;
}
/** 1-d convolution; weight (C_out, C_in/groups, K); input (C_in, N). */
export interface Conv1dNode extends Base {
  /** Node type tag. */
  type: 'Conv1d';
  /** Length N of the input (None in Python `nir` when unknown). */
  input_shape: number | null;
  /** Kernel, shape (C_out, C_in / groups, K). */
  weight: NirArray;
  /** Step between windows, per spatial dimension (one int for all). */
  stride: IntOrArray;
  /** Zero padding on each side, per spatial dimension (or 'same' / 'valid' for convolutions). */
  padding: Padding;
  /** Spacing between kernel taps, per spatial dimension. */
  dilation: IntOrArray;
  /** Number of channel groups (C_in and C_out are split into this many independent convolutions). */
  groups: number;
  /** Bias per output channel, shape (C_out). */
  bias: NirArray;
}
/** 2-d convolution; weight (C_out, C_in/groups, K_h, K_w); input (C_in, H, W). */
export interface Conv2dNode extends Base {
  /** Node type tag. */
  type: 'Conv2d';
  /** Input (H, W), or null when the file leaves it out. */
  input_shape: NirArray | null;
  /** Kernel, shape (C_out, C_in / groups, K_h, K_w). */
  weight: NirArray;
  /** Step between windows, per spatial dimension (one int for all). */
  stride: IntOrArray;
  /** Zero padding on each side, per spatial dimension (or 'same' / 'valid' for convolutions). */
  padding: Padding;
  /** Spacing between kernel taps, per spatial dimension. */
  dilation: IntOrArray;
  /** Number of channel groups (C_in and C_out are split into this many independent convolutions). */
  groups: number;
  /** Bias per output channel, shape (C_out). */
  bias: NirArray;
}
/** Sum over windows; input (C, H, W). */
export interface SumPool2dNode extends Base {
  /** Node type tag. */
  type: 'SumPool2d';
  /** Window size, per spatial dimension (one int for all). */
  kernel_size: IntOrArray;
  /** Step between windows, per spatial dimension (one int for all). */
  stride: IntOrArray;
  /** Zero padding on each side, per spatial dimension (or 'same' / 'valid' for convolutions). */
  padding: IntOrArray;
}
/** Mean over windows (zero padding counted); input (C, H, W). */
export interface AvgPool2dNode extends Base {
  /** Node type tag. */
  type: 'AvgPool2d';
  /** Window size, per spatial dimension (one int for all). */
  kernel_size: IntOrArray;
  /** Step between windows, per spatial dimension (one int for all). */
  stride: IntOrArray;
  /** Zero padding on each side, per spatial dimension (or 'same' / 'valid' for convolutions). */
  padding: IntOrArray;
}
/** Merge dims start_dim..end_dim (no batch dim; negative counts from the end). */
export interface FlattenNode extends Base {
  /** Node type tag. */
  type: 'Flatten';
  /** First dimension merged (0 = the first non-batch dimension; negative counts from the end). */
  start_dim: number;
  /** Last dimension merged, inclusive (−1 = the last). */
  end_dim: number;
  /** Shape of the input, or null when the file leaves it out (inferred from the graph). */
  input_type: NirArray | null;
}
/** A graph of nodes and edges `[from, to]`; nested graphs are nodes. */
export interface NirGraph extends Base {
  /** Node type tag. */
  type: 'NIRGraph';
  /** The nodes by name. */
  nodes: Record<string, NirNode>;
  /** Edges `[from, to]` by node name: the output of `from` feeds the input of `to`. */
  edges: [string, string][];
}

/** Any node of a NIR graph, discriminated by `type` (the NIR primitives Neurite reads, writes and runs). */
export type NirNode =
  | InputNode
  | OutputNode
  | AffineNode
  | LinearNode
  | ScaleNode
  | DelayNode
  | ThresholdNode
  | INode
  | IFNode
  | LINode
  | LIFNode
  | CubaLINode
  | CubaLIFNode
  | Conv1dNode
  | Conv2dNode
  | SumPool2dNode
  | AvgPool2dNode
  | FlattenNode
  | NirGraph;

/** The `type` tag of every node kind, e.g. `'LIF'`, `'Affine'`, `'NIRGraph'`. */
export type NodeType = NirNode['type'];
