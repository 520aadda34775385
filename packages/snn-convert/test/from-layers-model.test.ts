import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { ConvertError, annActivation, disposeParams, forward, fromLayersModel, makeParams } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

async function expectConvertError(p: Promise<unknown>, code: string, re: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConvertError);
  expect((e as ConvertError).code).toBe(code);
  expect((e as Error).message).toMatch(re);
}

describe('fromLayersModel', () => {
  it('reads a functional residual model and computes what tfjs-layers computes', async () => {
    const input = tfl.input({ shape: [8, 8, 2] });
    let x = tfl.layers.zeroPadding2d({ padding: 1, name: 'pad' }).apply(input) as tfl.SymbolicTensor;
    x = tfl.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', name: 'c1' }).apply(x) as tfl.SymbolicTensor;
    const y = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', name: 'c2' }).apply(x) as tfl.SymbolicTensor;
    let z = tfl.layers.add({ name: 'add' }).apply([x, y]) as tfl.SymbolicTensor;
    z = tfl.layers.reLU({ name: 'relu' }).apply(z) as tfl.SymbolicTensor;
    z = tfl.layers.maxPooling2d({ poolSize: 2, name: 'mp' }).apply(z) as tfl.SymbolicTensor;
    z = tfl.layers.depthwiseConv2d({ kernelSize: 1, name: 'dw' }).apply(z) as tfl.SymbolicTensor;
    z = tfl.layers.averagePooling2d({ poolSize: 2, name: 'ap' }).apply(z) as tfl.SymbolicTensor;
    z = tfl.layers.dropout({ rate: 0.5, name: 'drop' }).apply(z) as tfl.SymbolicTensor;
    z = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(z) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 3, activation: 'softmax', name: 'fc' }).apply(z) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out });
    const net = await fromLayersModel(model);
    expect(net.nodes.map((n) => n.op.kind)).toEqual([
      'input',
      'zeropad',
      'conv2d',
      'act',
      'conv2d',
      'add',
      'act',
      'maxpool',
      'depthwise',
      'avgpool',
      'gap',
      'dense',
    ]);
    const xs = tf.randomUniform([3, 8, 8, 2], 0, 1, 'float32', 1);
    const p = makeParams(net);
    const logits = tf.tidy(() => forward(net, p, xs, annActivation));
    disposeParams(p);
    const ref = model.predict(xs) as tf.Tensor;
    const soft = tf.softmax(logits);
    // same ops in the same order on the same backend, except softmax: a 3-way softmax of values ≤ 1 rounds to within a few eps (1e-6 ≈ 8 eps)
    const d = await tf.max(tf.abs(tf.sub(soft, ref))).data();
    expect(d[0]).toBeLessThan(1e-6);
    tf.dispose([xs, logits, ref, soft]);
    model.dispose();
  });

  it('reads a Sequential MLP with relu activations inside Dense', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [5], units: 4, activation: 'relu' }), tfl.layers.dense({ units: 2 })],
    });
    const net = await fromLayersModel(model);
    expect(net.nodes.map((n) => n.op.kind)).toEqual(['input', 'dense', 'act', 'dense']);
    expect(net.nodes[net.output].shape).toEqual([2]);
    model.dispose();
  });

  it('names an unsupported layer, its class and what to do', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [5], units: 4 }), tfl.layers.leakyReLU({ name: 'leaky' }), tfl.layers.dense({ units: 2 })],
    });
    await expectConvertError(fromLayersModel(model), 'ERR_UNSUPPORTED', /layer 'leaky' \(LeakyReLU\).*replace it by ReLU/);
    const m2 = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [5], units: 4, activation: 'tanh', name: 'th' }), tfl.layers.dense({ units: 2 })],
    });
    await expectConvertError(fromLayersModel(m2), 'ERR_UNSUPPORTED', /'th'.*activation 'tanh'/);
    tf.dispose([model, m2] as unknown as tf.Tensor[]);
  });

  it('rejects NaN weights naming the layer', async () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2, name: 'bad' })] });
    const w = tf.tensor2d([1, NaN, 0, 0, 0, 0], [3, 2]);
    const b = tf.zeros([2]);
    model.layers[0].setWeights([w, b]);
    await expectConvertError(fromLayersModel(model), 'ERR_NOT_FINITE', /'bad'.*non-finite value \(NaN\) at index 1/);
    tf.dispose([w, b]);
    model.dispose();
  });
});
