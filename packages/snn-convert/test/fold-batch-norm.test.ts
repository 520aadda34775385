/**
 * Folding BatchNormalization into the layer before it is exact up to float32 rounding: per output,
 * |folded − (layer then BN)| ≤ (n + 6)·eps32·(|s|·Σ_k |w_k x_k| + |s|·(|b| + |μ|) + |β|), the worst-case
 * rounding of an n-term dot product evaluated in either order plus the few scalar operations of BN.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { ConvertError, annActivation, disposeParams, foldBatchNorm, forward, fromLayersModel, makeParams } from '../src/index.js';
import type { Network } from '../src/index.js';
import { EPS32 } from './helpers.js';

beforeAll(async () => {
  await setBackend('cpu');
});

async function randomizeBn(model: tfl.LayersModel, seed: number): Promise<void> {
  const rng = createRng(seed);
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const ws = layer.getWeights().map((w, k) => {
      const d = Float32Array.from({ length: w.size }, () => (k === 3 ? 0.2 + rng.uniform() * 3 : rng.normal(k === 0 ? 1 : 0, 1)));
      return tf.tensor(d, w.shape);
    });
    layer.setWeights(ws);
    tf.dispose(ws);
  }
  await Promise.resolve();
}

async function run(net: Network, x: tf.Tensor): Promise<Float32Array> {
  const p = makeParams(net);
  const y = tf.tidy(() => forward(net, p, x, annActivation));
  disposeParams(p);
  const d = (await y.data()) as Float32Array;
  y.dispose();
  return d;
}

describe('foldBatchNorm', () => {
  for (const kind of ['dense', 'conv2d', 'depthwise'] as const) {
    it(`matches ${kind}→BN within the float32 rounding bound`, async () => {
      const inputShape = kind === 'dense' ? [12] : [6, 6, 3];
      const first =
        kind === 'dense'
          ? tfl.layers.dense({ inputShape, units: 7, name: 'lin' })
          : kind === 'conv2d'
            ? tfl.layers.conv2d({ inputShape, filters: 5, kernelSize: 3, padding: 'same', name: 'lin' })
            : tfl.layers.depthwiseConv2d({ inputShape, kernelSize: 3, depthMultiplier: 2, name: 'lin' });
      const model = tfl.sequential({ layers: [first, tfl.layers.batchNormalization({ name: 'bn' })] });
      await randomizeBn(model, 3);
      const bias = first.getWeights()[1];
      first.setWeights([first.getWeights()[0], tf.randomNormal(bias.shape, 0, 1, 'float32', 9)]);
      const net = await fromLayersModel(model);
      const folded = foldBatchNorm(net);
      expect(folded.nodes.map((n) => n.op.kind)).toEqual(['input', kind]);
      const x = tf.randomUniform([4, ...inputShape], -1, 1, 'float32', 5);
      const a = await run(net, x);
      const b = await run(folded, x);
      // M = |s|·(|W| * |x|) + |s|·(|b| + |μ|) + |β| per output, s = γ/√(σ²+ε); both forms are within (n + 6)·eps·M
      // of the exact value (n-term dot product, worst case, plus ≤ 6 scalar roundings), so they differ by ≤ 2(n + 6)·eps·M.
      const bn = net.nodes[2].op;
      const lin = net.nodes[1].op;
      if (bn.kind !== 'batchnorm' || (lin.kind !== 'dense' && lin.kind !== 'conv2d' && lin.kind !== 'depthwise')) throw new Error('layout');
      const s = Float32Array.from(bn.gamma, (g, c) => Math.abs(g) / Math.sqrt(bn.variance[c] + bn.epsilon));
      const absNet = structuredClone(net);
      const l2 = absNet.nodes[1].op as typeof lin;
      l2.w = l2.w.map(Math.abs);
      l2.b = Float32Array.from(lin.b, (v, c) => Math.abs(v) + Math.abs(bn.mean[c]) + Math.abs(bn.beta[c]) / s[c]);
      absNet.nodes = absNet.nodes.slice(0, 2);
      absNet.output = 1;
      const ax = tf.abs(x);
      const m = await run(absNet, ax);
      const n = kind === 'dense' ? 12 : kind === 'conv2d' ? 27 : 9;
      const C = s.length;
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(2 * (n + 6) * EPS32 * s[i % C] * m[i]);
      tf.dispose([x, ax]);
      model.dispose();
    });
  }

  it('rejects a BatchNormalization that does not follow a linear layer', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [4], units: 3, activation: 'relu' }), tfl.layers.batchNormalization({ name: 'late_bn' })],
    });
    const net = await fromLayersModel(model);
    expect(() => foldBatchNorm(net)).toThrow(/late_bn.*BatchNormalization/);
    try {
      foldBatchNorm(net);
    } catch (e) {
      expect(e).toBeInstanceOf(ConvertError);
      expect((e as ConvertError).code).toBe('ERR_UNSUPPORTED');
    }
    model.dispose();
  });
});
