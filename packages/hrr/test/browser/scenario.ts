/**
 * Every public @neurite/hrr API that touches tfjs tensors, run on the active backend with
 * inputs made from fixed seeds (the generator gives the same numbers on every platform).
 * test/browser.test.ts runs it in Node on the cpu backend and, through page-entry.ts, in
 * headless Chromium on webgl and webgpu, and compares the two.
 */
import { tf, type Tensor2D } from '@neurite/tensor';
import {
  bindTensor,
  createVsa,
  decodeRecord,
  decodeSequence,
  decodeSet,
  encodeRecord,
  encodeSequence,
  encodeSet,
  sequencePositionVector,
  unbindTensor,
  Vocabulary,
  type CleanupMatch,
  type VsaModel,
} from '../../src/index.js';

/**
 * One bindTensor/unbindTensor case: [batch, D] operands, the second a single broadcast row;
 * `unbind` unbinds that row from the typed-array (CPU) bind of the two.
 */
export interface TensorCase {
  model: VsaModel;
  dim: number;
  batch: number;
  bind: number[];
  unbind: number[];
}

/** A cleanup answer reduced to JSON. */
export type Matches = Array<{ name: string; score: number }>;

export interface ScenarioResult {
  backend: string;
  tensor: TensorCase[];
  /** Vocabulary.cleanup per model: k = 3 for 4 queries, and with a threshold. */
  cleanup: Array<{ model: VsaModel; dim: number; featureDim: number; topK: Matches[]; thresholded: Matches[] }>;
  /** Vocabulary.similarities of 2 queries to 40 items (hrr, D = 256). */
  similarities: number[];
  /** Cleanup with the item matrix split into blocks (520 items × D = 1100 > 2^19 floats). */
  blocks: { dim: number; topK: Matches[] };
  record: Array<{ model: VsaModel; fields: Record<string, Matches> }>;
  sequence: Array<{ model: VsaModel; position: 'vector' | 'permute'; items: Matches[] }>;
  set: Array<{ model: VsaModel; members: Matches }>;
  /** Tensors alive after the scenario minus before (must be 0: every vocabulary is disposed). */
  leaked: number;
}

const MODELS: VsaModel[] = ['hrr', 'fhrr', 'map'];
const plain = (ms: CleanupMatch[]): Matches => ms.map((m) => ({ name: m.name, score: m.score }));

async function tensorCase(model: VsaModel, dim: number, batch: number): Promise<TensorCase> {
  const vsa = createVsa({ model, dim });
  const a = tf.tensor2d(vsa.random(`tensor-a-${model}-${dim}`, batch), [batch, dim]) as Tensor2D;
  const b = tf.tensor2d(vsa.random(`tensor-b-${model}-${dim}`, 1), [1, dim]) as Tensor2D;
  const c = bindTensor(a, b, { model });
  // unbind starts from the typed-array bind of the same operands, so that its error is its own
  const ct = tf.tensor2d(vsa.bind(await a.data(), await b.data()), [batch, dim]) as Tensor2D;
  const u = unbindTensor(ct, b, { model });
  const [x, y] = await Promise.all([c.data(), u.data()]);
  tf.dispose([a, b, c, ct, u]);
  return { model, dim, batch, bind: Array.from(x), unbind: Array.from(y) };
}

/** Noisy copies of items: item + 0.5·(another random vector), so the item scores ≈ 0.9. */
function noisy(vocab: Vocabulary, names: string[], seed: string): Float32Array {
  const d = vocab.vsa.dim,
    out = new Float32Array(names.length * d);
  const noise = vocab.vsa.random(seed, names.length);
  names.forEach((n, r) => {
    const v = vocab.get(n);
    // fhrr: perturb the angles; hrr/map: add scaled noise
    for (let j = 0; j < d; j++)
      out[r * d + j] = vocab.vsa.model === 'fhrr' ? v[j] + 0.3 * Math.sin(noise[r * d + j]) : v[j] + 0.5 * noise[r * d + j];
  });
  return out;
}

export async function runScenario(backend: string): Promise<ScenarioResult> {
  const before = tf.memory().numTensors;
  const tensor: TensorCase[] = [];
  for (const [model, dim] of [
    ['hrr', 64],
    ['hrr', 63],
    ['hrr', 1000],
    ['fhrr', 100],
    ['map', 100],
  ] as const)
    tensor.push(await tensorCase(model, dim, 5));

  const cleanup: ScenarioResult['cleanup'] = [];
  const record: ScenarioResult['record'] = [];
  const sequence: ScenarioResult['sequence'] = [];
  const set: ScenarioResult['set'] = [];
  let similarities: number[] = [];
  for (const model of MODELS) {
    const vsa = createVsa({ model, dim: 256 });
    const vocab = new Vocabulary(vsa, `browser-${model}`, { maxSimilarity: 1 });
    const names = Array.from({ length: 40 }, (_, i) => `w${i}`);
    vocab.create(names);
    const q = noisy(vocab, ['w3', 'w17', 'w25', 'w39'], `q-${model}`);
    const topK = (await vocab.cleanup(q, { k: 3 })).map(plain);
    const thresholded = (await vocab.cleanup(q, { k: 40, threshold: 0.5 })).map(plain);
    cleanup.push({ model, dim: vsa.dim, featureDim: vsa.featureDim, topK, thresholded });
    if (model === 'hrr') similarities = Array.from(await vocab.similarities(q.subarray(0, 2 * vsa.dim)));

    const r = encodeRecord(vocab, { w0: 'w10', w1: 'w11', w2: 'w12' });
    const fields = await decodeRecord(vocab, r, ['w0', 'w1', 'w2'], { k: 2 });
    record.push({ model, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, plain(v)])) });

    const items = ['w5', 'w6', 'w7', 'w5'];
    for (const position of model === 'map' ? (['permute'] as const) : (['vector', 'permute'] as const)) {
      const pos = position === 'vector' ? sequencePositionVector(vsa, `pos-${model}`) : 'permute';
      const s = encodeSequence(vocab, items, { position: pos });
      sequence.push({ model, position, items: (await decodeSequence(vocab, s, items.length, { position: pos, k: 2 })).map(plain) });
    }
    const members = await decodeSet(vocab, encodeSet(vocab, ['w20', 'w21', 'w22'], { normalize: true }), { threshold: 0.3 });
    set.push({ model, members: plain(members) });
    vocab.dispose();
  }

  const dim = 1100;
  const big = new Vocabulary(createVsa({ dim }), 'blocks', { maxSimilarity: 1 });
  big.create(Array.from({ length: 520 }, (_, i) => `b${i}`));
  const blocks = { dim, topK: (await big.cleanup(noisy(big, ['b3', 'b200', 'b519'], 'q-blocks'), { k: 2 })).map(plain) };
  big.dispose();
  return { backend, tensor, cleanup, similarities, blocks, record, sequence, set, leaked: tf.memory().numTensors - before };
}
