export { HrrError } from './hrr-error.js';
export { bind } from './bind.js';
export type { BinaryOptions } from './bind.js';
export { unbind } from './unbind.js';
export { bindNormalize } from './bind-normalize.js';
export { approxInverse } from './approx-inverse.js';
export type { UnaryOptions } from './approx-inverse.js';
export { exactInverse } from './exact-inverse.js';
export type { ExactInverseOptions } from './exact-inverse.js';
export { makeUnitary } from './make-unitary.js';
export { bindPower } from './bind-power.js';
export { permute, inversePermutation, randomPermutation } from './permute.js';
export type { PermuteOptions } from './permute.js';
export { bundle } from './bundle.js';
export type { BundleOptions } from './bundle.js';
export { dot, cosine } from './similarity.js';
export { randomVectors } from './random-vectors.js';
export { bindTensor } from './bind-tensor.js';
export type { BindTensorOptions } from './bind-tensor.js';
export { unbindTensor } from './unbind-tensor.js';
export { createVsa, VSA_MODELS } from './create-vsa.js';
export type { Vsa, VsaModel, VsaOptions } from './vsa.js';
export { Vocabulary } from './vocabulary.js';
export type { CleanupMatch, CleanupOptions, VocabularyOptions } from './vocabulary.js';
export { cleanupProbability, unbindCosineMoments } from './cleanup-probability.js';
export type { CleanupProbabilityOptions } from './cleanup-probability.js';
export { encodeRecord, decodeRecord } from './record.js';
export type { EncodeOptions, DecodeOptions } from './record.js';
export { encodeSequence, decodeSequence, sequencePositionVector } from './sequence.js';
export type { SequenceOptions, SequencePosition } from './sequence.js';
export { encodeSet, decodeSet } from './item-set.js';
export type { DecodeSetOptions } from './item-set.js';
export { vocabularyToBytes, vocabularyFromBytes } from './vocabulary-bytes.js';
export type { LoadVocabularyOptions } from './vocabulary-bytes.js';
export { randomBasis, levelBasis, thermometerBasis, circularBasis } from './basis-sets.js';
export type { BasisOptions } from './basis-sets.js';
export { randsel, multirandsel } from './random-select.js';
export { softQuantize, hardQuantize, hammingSimilarity } from './quantize.js';
export {
  multiset,
  multibind,
  bundleSequence,
  bindSequence,
  ngrams,
  crossProduct,
  hashTable,
  graph,
  ridgeRegression,
} from './composites.js';
export {
  RandomEmbedding,
  LevelEmbedding,
  ProjectionEmbedding,
  SinusoidEmbedding,
  DensityEmbedding,
  RecordEmbedding,
  FractionalPowerEmbedding,
} from './embeddings.js';
export type { RangeOptions } from './embeddings.js';
export { Multiset, HashTable, BundleSequence, BindSequence, Graph, Tree, FiniteStateAutomata, Memory } from './structures.js';
export { SparseDistributedMemory, HopfieldNetwork, attention, modernHopfield } from './memories.js';
export { parseExpression, specialElement, transformTo } from './spa-expression.js';
export { resonator } from './resonator.js';
export type { ResonatorOptions, ResonatorResult } from './resonator.js';
export {
  CentroidClassifier,
  AdaptHDClassifier,
  OnlineHDClassifier,
  SparseHDClassifier,
  QuantHDClassifier,
  CompHD,
  IntRVFLClassifier,
} from './classifiers.js';
export type { FitOptions } from './classifiers.js';
export { NeuralHDClassifier, DistHDClassifier, encodeAll } from './regenerating-classifiers.js';
export type { RegenerateOptions } from './regenerating-classifiers.js';
export { LeHDCClassifier } from './lehdc-classifier.js';
export type { LeHDCOptions } from './lehdc-classifier.js';
