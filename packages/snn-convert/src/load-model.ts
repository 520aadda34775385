import { tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import type { LayersModel } from '@neurite/tensor/layers';
import { ConvertError } from './convert-error.js';

/** A tfjs-layers model in memory: the parsed (or text) `model.json` and its concatenated weight bytes. */
export interface ModelBytes {
  /** The model.json text, or the parsed object. */
  modelJson: string | Record<string, unknown>;
  /** The weight shards in manifest order, concatenated (or one buffer per path, in order). */
  weights: ArrayBuffer | Uint8Array | (ArrayBuffer | Uint8Array)[];
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/**
 * Load a tfjs-layers model (Sequential or functional; Keras models through
 * the tfjs converter's `model.json` + `.bin` shards) from bytes, or from a URL
 * in a browser (tfjs's HTTP loader). Node: `loadModelFile` from
 * `@neurite/snn-convert/node`.
 * @throws ConvertError ERR_FORMAT when the text is not a model, the weights are
 *   shorter than the manifest says (truncated file) or tfjs rejects the topology.
 */
export async function loadModel(source: string | ModelBytes, file = 'model'): Promise<LayersModel> {
  if (typeof source === 'string') {
    try {
      return await tfl.loadLayersModel(source);
    } catch (e) {
      throw new ConvertError('model', `${source}: cannot load a tfjs-layers model: ${(e as Error).message}`, {
        code: 'ERR_FORMAT',
        cause: e,
      });
    }
  }
  let json: Record<string, unknown>;
  try {
    json = typeof source.modelJson === 'string' ? (JSON.parse(source.modelJson) as Record<string, unknown>) : source.modelJson;
  } catch (e) {
    throw new ConvertError('model', `${file}: model.json is not valid JSON (${(e as Error).message}); is the file truncated?`, {
      code: 'ERR_FORMAT',
      cause: e,
    });
  }
  if (json == null || typeof json !== 'object' || json.modelTopology == null || !Array.isArray(json.weightsManifest))
    throw new ConvertError('model', `${file}: not a tfjs-layers model.json (needs modelTopology and weightsManifest)`, {
      code: 'ERR_FORMAT',
    });
  const specs = (json.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[]).flatMap((g) => g.weights);
  const parts = Array.isArray(source.weights) ? source.weights : [source.weights];
  const chunks = parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p)));
  const total = chunks.reduce((a, c) => a + c.byteLength, 0);
  const buf = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    buf.set(c, off);
    off += c.byteLength;
  }
  let need = 0;
  for (const s of specs) {
    if (s.quantization) need += s.shape.reduce((a, b) => a * b, 1) * (BYTES[s.quantization.dtype] ?? 4);
    else need += s.shape.reduce((a, b) => a * b, 1) * (BYTES[s.dtype] ?? 4);
  }
  if (total < need)
    throw new ConvertError(
      'weights',
      `${file}: the weights hold ${total} bytes but the manifest needs ${need}; the weight file is truncated or belongs to another model`,
      { code: 'ERR_FORMAT' },
    );
  try {
    return await tfl.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology as object, weightSpecs: specs, weightData: buf.buffer.slice(0, need) }),
    );
  } catch (e) {
    throw new ConvertError('model', `${file}: tfjs-layers cannot build the model: ${(e as Error).message}`, {
      code: 'ERR_FORMAT',
      cause: e,
    });
  }
}

/**
 * Serialise a tfjs-layers model to `model.json` text and one weight buffer
 * (`paths` in the manifest = [weightsName]).
 */
export async function saveModel(model: LayersModel, weightsName = 'weights.bin'): Promise<{ modelJson: string; weights: Uint8Array }> {
  let out: { modelJson: string; weights: Uint8Array } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (art) => {
      const data = art.weightData as ArrayBuffer;
      const json = {
        format: 'layers-model',
        generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
        convertedBy: null,
        modelTopology: art.modelTopology,
        weightsManifest: [{ paths: [weightsName], weights: art.weightSpecs }],
      };
      out = { modelJson: JSON.stringify(json), weights: new Uint8Array(data) };
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}
