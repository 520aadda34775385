/**
 * `@neurite/tensor/layers`: the one copy of tfjs-layers (Keras-style models,
 * `model.json` + weights) every Neurite package uses, built on the same
 * tfjs-core as `tf`. Import `tfl` from here, never from
 * `@tensorflow/tfjs-layers` directly. A separate entry, so programs that do
 * not load models keep tfjs-layers out of their bundles.
 */
import * as tfl from '@tensorflow/tfjs-layers';
export { tfl };
export type { LayersModel, Sequential, SymbolicTensor } from '@tensorflow/tfjs-layers';
