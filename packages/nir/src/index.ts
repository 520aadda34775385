export { NirError } from './nir-error.js';
export type { NirErrorLocation, NirErrorOptions } from './nir-error.js';
export type {
  DType,
  NirArray,
  Metadata,
  MetadataValue,
  Padding,
  IntOrArray,
  NirNode,
  NodeType,
  NirGraph,
  InputNode,
  OutputNode,
  AffineNode,
  LinearNode,
  ScaleNode,
  DelayNode,
  ThresholdNode,
  INode,
  IFNode,
  LINode,
  LIFNode,
  CubaLINode,
  CubaLIFNode,
  Conv1dNode,
  Conv2dNode,
  SumPool2dNode,
  AvgPool2dNode,
  FlattenNode,
} from './types.js';
export { nirArray, MAX_ELEMENTS, MAX_TOTAL_ELEMENTS } from './nir-array.js';
export type { ArrayInput } from './nir-array.js';
export { NODE_TYPES } from './node-spec.js';
export { createNode, createGraph, badName } from './create-node.js';
export type { GraphOptions } from './create-node.js';
export { checkGraph, convOutputSize, flattenShape } from './check-graph.js';
export type { GraphShapes, NodeShapes, ShapeProblem, TypeCheckMode } from './check-graph.js';
export { repairDanglingEdges } from './repair-dangling-edges.js';
export type { EdgeRepair } from './repair-dangling-edges.js';
export { graphToJson, graphFromJson } from './json-form.js';
export { parseJson } from './json-text.js';
export { decodeNir, MAX_OBJECTS } from './decode-nir.js';
export type { ReadOptions, ReadResult } from './decode-nir.js';
export { encodeNir, NIR_FORMAT_VERSION } from './encode-nir.js';
export { compile, Simulator } from './compile.js';
export { MAX_DELAY_STEPS, MAX_DELAY_ELEMENTS } from './node-step.js';
export type { CompileOptions, ResetMode, Recording, RunOptions } from './compile.js';
export { neuronCoefficients } from './neuron-coefficients.js';
export type { Integration, NeuronCoefficients } from './neuron-coefficients.js';
export { timeGridded, checkEventData, griddedToEvents, eventsToGridded } from './nir-data.js';
export type { TimeGriddedData, EventData, Observable, NirNodeData, NirGraphData } from './nir-data.js';
export { decodeNirData, encodeNirData } from './nir-data-file.js';
export { recordNirData, griddedFromTensor } from './record-nir-data.js';
