/**
 * Data types of arrays as numpy names them. Floating data is held in a
 * Float32Array (float32) or a Float64Array (every other dtype, integers
 * included: int64 values must be safe integers, |x| < 2^53).
 */
export type DType = 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A dense n-d array, row-major, like a numpy array in a NIR file. */
export interface NirArray {
  shape: number[];
  dtype: DType;
  data: Float32Array | Float64Array;
}

/**
 * Metadata values: string, float (`number`, written as float64), integer
 * (`bigint`, written as int64), array, or a nested dictionary.
 */
export type MetadataValue = string | number | bigint | NirArray | Metadata;
export interface Metadata {
  [key: string]: MetadataValue;
}

/** Conv padding: an int, one int per spatial dim, or 'same' / 'valid'. */
export type Padding = number | NirArray | 'same' | 'valid';
/** Conv stride / dilation: an int or one int per spatial dim. */
export type IntOrArray = number | NirArray;

interface Base {
  metadata: Metadata;
}

export interface InputNode extends Base {
  type: 'Input';
  shape: NirArray;
}
export interface OutputNode extends Base {
  type: 'Output';
  shape: NirArray;
}
/** y = W x + b; weight (out, in), bias (out). */
export interface AffineNode extends Base {
  type: 'Affine';
  weight: NirArray;
  bias: NirArray;
}
/** y = W x; weight (out, in). */
export interface LinearNode extends Base {
  type: 'Linear';
  weight: NirArray;
}
/** y = s ⊙ x. */
export interface ScaleNode extends Base {
  type: 'Scale';
  scale: NirArray;
}
/** y(t) = x(t − d), d in seconds per element. */
export interface DelayNode extends Base {
  type: 'Delay';
  delay: NirArray;
}
/** z = H(x − θ). */
export interface ThresholdNode extends Base {
  type: 'Threshold';
  threshold: NirArray;
}
/** dv/dt = R I. */
export interface INode extends Base {
  type: 'I';
  r: NirArray;
}
/** dv/dt = R I, spike and reset at v > v_threshold. */
export interface IFNode extends Base {
  type: 'IF';
  r: NirArray;
  v_threshold: NirArray;
  v_reset: NirArray;
}
/** τ dv/dt = (v_leak − v) + R I. */
export interface LINode extends Base {
  type: 'LI';
  tau: NirArray;
  r: NirArray;
  v_leak: NirArray;
}
/** τ dv/dt = (v_leak − v) + R I, spike and reset at v > v_threshold. */
export interface LIFNode extends Base {
  type: 'LIF';
  tau: NirArray;
  r: NirArray;
  v_leak: NirArray;
  v_threshold: NirArray;
  v_reset: NirArray;
}
/** τ_syn dI/dt = −I + w_in S; τ_mem dv/dt = (v_leak − v) + R I. */
export interface CubaLINode extends Base {
  type: 'CubaLI';
  tau_syn: NirArray;
  tau_mem: NirArray;
  r: NirArray;
  v_leak: NirArray;
  w_in: NirArray;
}
/** CubaLI plus spike and reset at v > v_threshold. */
export interface CubaLIFNode extends Base {
  type: 'CubaLIF';
  tau_syn: NirArray;
  tau_mem: NirArray;
  r: NirArray;
  v_leak: NirArray;
  v_threshold: NirArray;
  v_reset: NirArray;
  w_in: NirArray;
}
/** 1-d convolution; weight (C_out, C_in/groups, K); input (C_in, N). */
export interface Conv1dNode extends Base {
  type: 'Conv1d';
  input_shape: number | null;
  weight: NirArray;
  stride: IntOrArray;
  padding: Padding;
  dilation: IntOrArray;
  groups: number;
  bias: NirArray;
}
/** 2-d convolution; weight (C_out, C_in/groups, K_h, K_w); input (C_in, H, W). */
export interface Conv2dNode extends Base {
  type: 'Conv2d';
  input_shape: NirArray | null;
  weight: NirArray;
  stride: IntOrArray;
  padding: Padding;
  dilation: IntOrArray;
  groups: number;
  bias: NirArray;
}
/** Sum over windows; input (C, H, W). */
export interface SumPool2dNode extends Base {
  type: 'SumPool2d';
  kernel_size: IntOrArray;
  stride: IntOrArray;
  padding: IntOrArray;
}
/** Mean over windows (zero padding counted); input (C, H, W). */
export interface AvgPool2dNode extends Base {
  type: 'AvgPool2d';
  kernel_size: IntOrArray;
  stride: IntOrArray;
  padding: IntOrArray;
}
/** Merge dims start_dim..end_dim (no batch dim; negative counts from the end). */
export interface FlattenNode extends Base {
  type: 'Flatten';
  start_dim: number;
  end_dim: number;
  input_type: NirArray | null;
}
/** A graph of nodes and edges `[from, to]`; nested graphs are nodes. */
export interface NirGraph extends Base {
  type: 'NIRGraph';
  nodes: Record<string, NirNode>;
  edges: [string, string][];
}

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

export type NodeType = NirNode['type'];
