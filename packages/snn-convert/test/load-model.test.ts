import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { ConvertError, loadModel, saveModel } from '../src/index.js';
import { loadModelFile, saveModelFiles } from '../src/node.js';

beforeAll(async () => {
  await setBackend('cpu');
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConvertError);
  return (e as ConvertError).code;
}

describe('loadModel / loadModelFile', () => {
  it('round-trips a model through bytes and files', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [4], units: 3, activation: 'relu' }), tfl.layers.dense({ units: 2 })],
    });
    const x = tf.randomUniform([5, 4], 0, 1, 'float32', 2);
    const ref = model.predict(x) as tf.Tensor;
    const bytes = await saveModel(model);
    const m2 = await loadModel(bytes);
    const y2 = m2.predict(x) as tf.Tensor;
    expect(Array.from(await y2.data())).toEqual(Array.from(await ref.data()));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'snn-load-'));
    try {
      const file = await saveModelFiles(model, dir, 'm');
      const m3 = await loadModelFile(file);
      const y3 = m3.predict(x) as tf.Tensor;
      expect(Array.from(await y3.data())).toEqual(Array.from(await ref.data()));
      tf.dispose([y3]);
      m3.dispose();
      // a truncated weight file, a truncated model.json, a file that is not a model, a missing file
      writeFileSync(path.join(dir, 'm.weights.bin'), bytes.weights.subarray(0, bytes.weights.length - 4));
      expect(await codeOf(loadModelFile(file))).toBe('ERR_FORMAT');
      writeFileSync(path.join(dir, 'cut.json'), bytes.modelJson.slice(0, 100));
      expect(await codeOf(loadModelFile(path.join(dir, 'cut.json')))).toBe('ERR_FORMAT');
      writeFileSync(path.join(dir, 'other.json'), '{"hello": 1}');
      expect(await codeOf(loadModelFile(path.join(dir, 'other.json')))).toBe('ERR_FORMAT');
      expect(await codeOf(loadModelFile(path.join(dir, 'absent.json')))).toBe('ERR_FILE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    tf.dispose([x, ref, y2]);
    model.dispose();
    m2.dispose();
  });
});
