import { describe, it, expect, afterAll } from 'vitest';
import { tf, setBackend, expectNoLeaks } from '../../src/index.js';
import { testValues, runOn, relMaxDiff } from './backend-compare.js';

afterAll(async () => { await setBackend('wasm'); });

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
type Shape4 = [number, number, number, number];

/** dy's shape, from tfjs's own conv geometry (backend_util.computeConv2DInfo). */
function dyShapeOf(x: Shape4, f: Shape4, strides: number | [number, number], pad: Pad, depthwise: boolean, dataFormat: 'NHWC' | 'NCHW' = 'NHWC'): Shape4 {
  const info = tf.backend_util.computeConv2DInfo(x, f, strides, 1, pad, undefined, depthwise,
    dataFormat === 'NHWC' ? 'channelsLast' : 'channelsFirst');
  return info.outShape as Shape4;
}

async function cpuVsWasm(kernel: string, inputs: () => Record<string, tf.Tensor>, attrs: Record<string, unknown>) {
  const fn = () => [tf.engine().runKernel(kernel, inputs() as unknown as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as tf.Tensor];
  const cpu = await runOn('cpu', fn);
  const wasm = await runOn('wasm', fn);
  expect(wasm.shapes).toEqual(cpu.shapes);
  return relMaxDiff(wasm.values[0], cpu.values[0]);
}

describe('Conv2DBackpropFilter on wasm matches cpu', () => {
  const cases: Array<{ x: Shape4; f: Shape4; strides: number | [number, number]; pad: Pad; dataFormat?: 'NHWC' | 'NCHW' }> = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], strides: 1, pad: 'same' },
    { x: [1, 8, 9, 2], f: [2, 3, 2, 5], strides: [2, 1], pad: 'valid' },
    { x: [2, 9, 8, 3], f: [3, 2, 3, 2], strides: 2, pad: 'same' },
    { x: [2, 6, 7, 2], f: [3, 3, 2, 3], strides: [1, 2], pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
    { x: [1, 5, 5, 4], f: [3, 3, 4, 1], strides: 1, pad: 1 },
    { x: [3, 10, 10, 1], f: [5, 5, 1, 6], strides: 3, pad: 'valid' },
    { x: [2, 3, 6, 6], f: [3, 3, 3, 2], strides: 1, pad: 'same', dataFormat: 'NCHW' },
    { x: [1, 2, 7, 5], f: [2, 2, 2, 3], strides: 2, pad: 'valid', dataFormat: 'NCHW' },
  ];
  it.each(cases)('x $x, filter $f, strides $strides, pad $pad, $dataFormat', async ({ x, f, strides, pad, dataFormat }) => {
    const dyShape = dyShapeOf(x, f, strides, pad, false, dataFormat);
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    const diff = await cpuVsWasm('Conv2DBackpropFilter', () => ({
      x: tf.tensor4d(testValues(size(x), 1), x),
      dy: tf.tensor4d(testValues(size(dyShape), 2), dyShape),
    }), { strides, pad, dataFormat: dataFormat ?? 'NHWC', dimRoundingMode: undefined, filterShape: f });
    expect(diff).toBeLessThan(1e-5);
  });
});

describe('DepthwiseConv2dNative backprops on wasm match cpu', () => {
  const cases: Array<{ x: Shape4; f: Shape4; strides: number; pad: Pad }> = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 2], strides: 1, pad: 'same' },
    { x: [1, 9, 8, 2], f: [2, 3, 2, 1], strides: 2, pad: 'valid' },
    { x: [2, 6, 6, 4], f: [3, 3, 4, 3], strides: 2, pad: 'same' },
    { x: [1, 5, 6, 2], f: [3, 2, 2, 2], strides: 1, pad: 1 },
  ];
  it.each(cases)('x $x, filter $f, strides $strides, pad $pad', async ({ x, f, strides, pad }) => {
    const dyShape = dyShapeOf(x, f, strides, pad, true);
    expect(dyShape[3]).toBe(f[2] * f[3]);
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    const attrs = { strides, pad, dilations: 1, dimRoundingMode: undefined };
    expect(await cpuVsWasm('DepthwiseConv2dNativeBackpropFilter', () => ({
      x: tf.tensor4d(testValues(size(x), 3), x),
      dy: tf.tensor4d(testValues(size(dyShape), 4), dyShape),
    }), { ...attrs, filterShape: f })).toBeLessThan(1e-5);
    expect(await cpuVsWasm('DepthwiseConv2dNativeBackpropInput', () => ({
      dy: tf.tensor4d(testValues(size(dyShape), 5), dyShape),
      filter: tf.tensor4d(testValues(size(f), 6), f),
    }), { ...attrs, inputShape: x })).toBeLessThan(1e-5);
  });

  it('dilated depthwise filter gradient equals sum(depthwiseConv2d(x, e_k) * dy) per filter entry', async () => {
    // The reference uses only tfjs's own forward depthwiseConv2d with dilations 2 (linearity in the filter).
    await setBackend('wasm');
    const x: Shape4 = [1, 7, 7, 2], f: Shape4 = [2, 2, 2, 2];
    const dyShape: Shape4 = [1, 7, 7, 4];
    const xt = tf.tensor4d(testValues(98, 7), x);
    const dy = tf.tensor4d(testValues(196, 8), dyShape);
    const got = tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x: xt, dy } as unknown as tf.NamedTensorMap,
      { strides: 1, pad: 'same', dilations: 2, filterShape: f } as unknown as tf.NamedAttrMap) as tf.Tensor;
    const g = got.dataSync();
    for (let k = 0; k < 16; k++) {
      const e = new Float32Array(16); e[k] = 1;
      const ref = tf.tidy(() => tf.sum(tf.mul(tf.depthwiseConv2d(xt, tf.tensor4d(e, f), 1, 'same', 'NHWC', 2), dy)).dataSync()[0]);
      expect(g[k]).toBeCloseTo(ref, 4);
    }
    tf.dispose([xt, dy, got]);
  });
});

/** A tiny conv net: conv(same) - relu - maxPool - depthwise - relu - conv(stride 2, explicit pad) - dense - softmax CE. */
async function train(backend: 'cpu' | 'wasm', steps: number): Promise<{ losses: number[]; weights: Float32Array[] }> {
  await setBackend(backend);
  const x = tf.tensor4d(testValues(4 * 8 * 8 * 2, 11), [4, 8, 8, 2]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3));
  const vars = [
    tf.variable(tf.tensor4d(testValues(72, 12), [3, 3, 2, 4])),
    tf.variable(tf.tensor4d(testValues(32, 13), [2, 2, 4, 2])),
    tf.variable(tf.tensor4d(testValues(144, 14), [3, 3, 8, 2])),
    tf.variable(tf.tensor2d(testValues(24, 15), [8, 3])),
  ];
  const [w1, wd, w2, wf] = vars;
  const opt = tf.train.sgd(0.5);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const loss = opt.minimize(() => tf.tidy(() => {
      let h = tf.relu(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'same'));
      h = tf.maxPool(h, 2, 2, 'valid');
      h = tf.relu(tf.depthwiseConv2d(h, wd as tf.Tensor4D, 1, 'same'));
      h = tf.conv2d(h, w2 as tf.Tensor4D, 2, [[0, 0], [1, 1], [1, 1], [0, 0]]);
      const logits = tf.matMul(tf.reshape(h, [4, 8]), wf as tf.Tensor2D);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    }), true);
    losses.push(loss!.dataSync()[0]);
    loss!.dispose();
  }
  const weights = vars.map((v) => v.dataSync() as Float32Array);
  opt.dispose();
  tf.dispose([x, labels, ...vars]);
  return { losses, weights };
}

describe('training a tiny conv net on wasm', () => {
  it('follows cpu step for step', async () => {
    const cpu = await train('cpu', 6);
    const wasm = await train('wasm', 6);
    expect(cpu.losses[5]).toBeLessThan(cpu.losses[0]); // it learns
    for (let i = 0; i < 6; i++) expect(Math.abs(wasm.losses[i] - cpu.losses[i])).toBeLessThan(1e-4 * Math.abs(cpu.losses[i]));
    for (let i = 0; i < cpu.weights.length; i++) expect(relMaxDiff(wasm.weights[i], cpu.weights[i])).toBeLessThan(1e-4);
  });

  it('no tensor leaks over many gradient steps on wasm', async () => {
    await setBackend('wasm');
    const x = tf.tensor4d(testValues(2 * 6 * 6 * 2, 21), [2, 6, 6, 2]);
    const w = tf.variable(tf.tensor4d(testValues(36, 22), [3, 3, 2, 2]));
    const wd = tf.variable(tf.tensor4d(testValues(18, 23), [3, 3, 2, 1]));
    const opt = tf.train.sgd(0.01);
    await expectNoLeaks(() => {
      opt.minimize(() => tf.tidy(() =>
        tf.sum(tf.square(tf.depthwiseConv2d(tf.conv2d(x, w as tf.Tensor4D, 2, 'same'), wd as tf.Tensor4D, 1, 'same'))) as tf.Scalar));
    }, { iterations: 300 });
    opt.dispose();
    tf.dispose([x, w, wd]);
  });
});

describe('UnsortedSegmentSum on wasm matches cpu', () => {
  it.each([
    { x: [6, 3], idv: [0, 2, 0, 1, 2, 2], n: 3 },
    { x: [6, 2, 2], idv: [4, 0, 1, 1, 4, -1], n: 5 },
    { x: [5], idv: [1, 1, 1, 0, 7], n: 2 },
  ])('x $x, ids $idv, numSegments $n', async ({ x, idv, n }) => {
    const fn = () => [tf.unsortedSegmentSum(tf.tensor(testValues(x.reduce((a, b) => a * b, 1), 31), x),
      tf.tensor1d(idv, 'int32'), n)];
    const cpu = await runOn('cpu', fn);
    const wasm = await runOn('wasm', fn);
    expect(wasm.shapes).toEqual(cpu.shapes);
    expect(relMaxDiff(wasm.values[0], cpu.values[0])).toBeLessThan(1e-6);
  });

  it('the gradient of tf.gather works on wasm and matches cpu', async () => {
    const fn = () => {
      const p = tf.tensor2d(testValues(12, 33), [4, 3]);
      const g = tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.gather(v, tf.tensor1d([3, 0, 3, 1], 'int32')))))(p);
      return [g];
    };
    const cpu = await runOn('cpu', fn);
    const wasm = await runOn('wasm', fn);
    expect(relMaxDiff(wasm.values[0], cpu.values[0])).toBeLessThan(1e-6);
  });
});
