import type { NodeType } from './types.js';

/**
 * How a field is stored:
 * - `array`: numeric array of any shape, dtype kept (float32 / float64 / …);
 * - `shape`: 1-d integer array (int64);
 * - `int`: integer scalar (int64);
 * - `intOrArray`: integer scalar or 1-d integer array;
 * - `padding`: like intOrArray, or the string 'same' / 'valid';
 * - `intOrNull`: integer scalar, or null when absent from the file;
 * - `shapeOrNull`: 1-d integer array, or null when absent from the file.
 */
export type FieldKind = 'array' | 'shape' | 'int' | 'intOrArray' | 'padding' | 'intOrNull' | 'shapeOrNull';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** When absent: `zerosLike:<field>` / `onesLike:<field>` (filled as nir 1.0.7 does), or `null`. */
  default?: string;
  /**
   * `'tuple'`: Python nir holds an array value of this field as a tuple / int
   * (Conv stride, padding, dilation, input_shape), which `serialization.write`
   * stores without compression; otherwise an array value is an `np.ndarray`,
   * stored gzip-compressed.
   */
  stored?: 'tuple';
}

export interface NodeSpec {
  /** Fields in the order nir 1.0.7's `to_dict` gives them. */
  fields: FieldSpec[];
  /** Index in `fields` before which `metadata` sits in `to_dict` order. */
  metadataAt: number;
}

const f = (name: string, kind: FieldKind, dflt?: string): FieldSpec =>
  dflt === undefined ? { name, kind } : { name, kind, default: dflt };
/** A field Python nir holds as a tuple or int (see {@link FieldSpec.stored}). */
const t = (name: string, kind: FieldKind, dflt?: string): FieldSpec => ({ ...f(name, kind, dflt), stored: 'tuple' });
const spec = (fields: FieldSpec[], metadataAt = fields.length): NodeSpec => ({ fields, metadataAt });

/** The 18 leaf node types of nir 1.0.7 (NIRGraph is the 19th, handled apart). */
export const NODE_SPECS: Record<Exclude<NodeType, 'NIRGraph'>, NodeSpec> = {
  Input: spec([f('shape', 'shape')], 0),
  Output: spec([f('shape', 'shape')], 0),
  Affine: spec([f('weight', 'array'), f('bias', 'array')]),
  Linear: spec([f('weight', 'array')]),
  Scale: spec([f('scale', 'array')]),
  Delay: spec([f('delay', 'array')]),
  Threshold: spec([f('threshold', 'array')]),
  I: spec([f('r', 'array')]),
  IF: spec([f('r', 'array'), f('v_threshold', 'array'), f('v_reset', 'array', 'zerosLike:v_threshold')]),
  LI: spec([f('tau', 'array'), f('r', 'array'), f('v_leak', 'array')]),
  LIF: spec([
    f('tau', 'array'),
    f('r', 'array'),
    f('v_leak', 'array'),
    f('v_threshold', 'array'),
    f('v_reset', 'array', 'zerosLike:v_threshold'),
  ]),
  CubaLI: spec([
    f('tau_syn', 'array'),
    f('tau_mem', 'array'),
    f('r', 'array'),
    f('v_leak', 'array'),
    f('w_in', 'array', 'onesLike:v_leak'),
  ]),
  CubaLIF: spec([
    f('tau_syn', 'array'),
    f('tau_mem', 'array'),
    f('r', 'array'),
    f('v_leak', 'array'),
    f('v_threshold', 'array'),
    f('v_reset', 'array', 'zerosLike:v_threshold'),
    f('w_in', 'array', 'onesLike:v_threshold'),
  ]),
  Conv1d: spec([
    t('input_shape', 'intOrNull', 'null'),
    f('weight', 'array'),
    t('stride', 'intOrArray'),
    t('padding', 'padding'),
    t('dilation', 'intOrArray'),
    f('groups', 'int'),
    f('bias', 'array'),
  ]),
  Conv2d: spec([
    t('input_shape', 'shapeOrNull', 'null'),
    f('weight', 'array'),
    t('stride', 'intOrArray'),
    t('padding', 'padding'),
    t('dilation', 'intOrArray'),
    f('groups', 'int'),
    f('bias', 'array'),
  ]),
  SumPool2d: spec([f('kernel_size', 'intOrArray'), f('stride', 'intOrArray'), f('padding', 'intOrArray')]),
  AvgPool2d: spec([f('kernel_size', 'intOrArray'), f('stride', 'intOrArray'), f('padding', 'intOrArray')]),
  Flatten: spec([f('start_dim', 'int'), f('end_dim', 'int'), f('input_type', 'shapeOrNull', 'null')], 2),
};

/** Every node type Neurite reads, writes and runs, in NIR's order (the primitives, then `'NIRGraph'`). */
export const NODE_TYPES: NodeType[] = [...(Object.keys(NODE_SPECS) as NodeType[]), 'NIRGraph'];

/** Neuron parameter groups that must share one shape (as nir asserts). */
export const SAME_SHAPE: Partial<Record<NodeType, string[]>> = {
  IF: ['r', 'v_threshold', 'v_reset'],
  LI: ['tau', 'r', 'v_leak'],
  LIF: ['tau', 'r', 'v_leak', 'v_threshold', 'v_reset'],
  CubaLI: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'w_in'],
  CubaLIF: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in'],
};
