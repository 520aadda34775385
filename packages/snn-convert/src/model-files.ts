import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@neurite/tensor/node';
import type { LayersModel } from '@neurite/tensor/layers';
import { ConvertError } from './convert-error.js';
import { loadModel, saveModel } from './load-model.js';

/** Load `model.json` and the weight shards its manifest names (same folder). */
export async function loadModelFile(file: string): Promise<LayersModel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConvertError('model', `${file}: cannot read (${(e as Error).message})`, { code: 'ERR_FILE', path: file, cause: e });
  }
  let json: { weightsManifest?: { paths?: string[] }[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch (e) {
    throw new ConvertError('model', `${file}: not a model.json (${(e as Error).message}); is it truncated?`, {
      code: 'ERR_FORMAT',
      path: file,
      cause: e,
    });
  }
  const paths = Array.isArray(json?.weightsManifest) ? json.weightsManifest.flatMap((g) => g.paths ?? []) : [];
  const weights: Uint8Array[] = [];
  for (const p of paths) {
    const wf = path.join(path.dirname(file), p);
    try {
      weights.push(await readFile(wf));
    } catch (e) {
      throw new ConvertError('weights', `${wf}: cannot read the weights (${(e as Error).message})`, {
        code: 'ERR_FILE',
        path: wf,
        cause: e,
      });
    }
  }
  return loadModel({ modelJson: json as Record<string, unknown>, weights }, file);
}

/** Write `dir/name.json` and `dir/name.weights.bin` (atomically). */
export async function saveModelFiles(model: LayersModel, dir: string, name: string): Promise<string> {
  const { modelJson, weights } = await saveModel(model, `${name}.weights.bin`);
  await writeFileAtomic(path.join(dir, `${name}.weights.bin`), weights);
  const file = path.join(dir, `${name}.json`);
  await writeFileAtomic(file, modelJson);
  return file;
}
