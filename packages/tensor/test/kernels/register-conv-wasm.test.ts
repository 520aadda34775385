import { describe, it, expect, afterAll } from 'vitest';
import { tf, setBackend, expectNoLeaks } from '../../src/index.js';
import { testValues, runOn, relMaxDiff, worstOfTwoSumsBound, gamma32 } from './backend-compare.js';

afterAll(async () => {
  await setBackend('wasm');
});

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
type Shape4 = [number, number, number, number];

/** dy's shape, from tfjs's own conv geometry (backend_util.computeConv2DInfo). */
function dyShapeOf(
  x: Shape4,
  f: Shape4,
  strides: number | [number, number],
  pad: Pad,
  depthwise: boolean,
  dataFormat: 'NHWC' | 'NCHW' = 'NHWC',
): Shape4 {
  const info = tf.backend_util.computeConv2DInfo(
    x,
    f,
    strides,
    1,
    pad,
    undefined,
    depthwise,
    dataFormat === 'NHWC' ? 'channelsLast' : 'channelsFirst',
  );
  return info.outShape as Shape4;
}

/**
 * The kernel on cpu and on wasm, and its worst difference relative to the
 * float32 bound of worstOfTwoSumsBound: these kernels are bilinear (each output
 * a sum of products of one element of each input), so the kernel on |inputs|
 * gives sum |terms|; k, the number of terms of one output, is at most the size
 * of the larger input.
 */
async function cpuVsWasm(kernel: string, inputs: () => Record<string, tf.Tensor>, attrs: Record<string, unknown>): Promise<number> {
  const run = (abs: boolean) => () => {
    const ins = inputs();
    const used = abs ? Object.fromEntries(Object.entries(ins).map(([name, t]) => [name, tf.abs(t)])) : ins;
    return [tf.engine().runKernel(kernel, used as unknown as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as tf.Tensor];
  };
  const cpu = await runOn('cpu', run(false));
  const absSum = await runOn('cpu', run(true));
  const wasm = await runOn('wasm', run(false));
  expect(wasm.shapes).toEqual(cpu.shapes);
  const k = Math.max(...tf.tidy(() => Object.values(inputs()).map((t) => t.size)));
  return worstOfTwoSumsBound(wasm.values[0], cpu.values[0], absSum.values[0], k);
}

describe('Conv2DBackpropFilter on wasm matches cpu', () => {
  const cases: Array<{ x: Shape4; f: Shape4; strides: number | [number, number]; pad: Pad; dataFormat?: 'NHWC' | 'NCHW' }> = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], strides: 1, pad: 'same' },
    { x: [1, 8, 9, 2], f: [2, 3, 2, 5], strides: [2, 1], pad: 'valid' },
    { x: [2, 9, 8, 3], f: [3, 2, 3, 2], strides: 2, pad: 'same' },
    {
      x: [2, 6, 7, 2],
      f: [3, 3, 2, 3],
      strides: [1, 2],
      pad: [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ],
    },
    { x: [1, 5, 5, 4], f: [3, 3, 4, 1], strides: 1, pad: 1 },
    { x: [3, 10, 10, 1], f: [5, 5, 1, 6], strides: 3, pad: 'valid' },
    { x: [2, 3, 6, 6], f: [3, 3, 3, 2], strides: 1, pad: 'same', dataFormat: 'NCHW' },
    { x: [1, 2, 7, 5], f: [2, 2, 2, 3], strides: 2, pad: 'valid', dataFormat: 'NCHW' },
  ];
  it.each(cases)('x $x, filter $f, strides $strides, pad $pad, $dataFormat', async ({ x, f, strides, pad, dataFormat }) => {
    const dyShape = dyShapeOf(x, f, strides, pad, false, dataFormat);
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    const diff = await cpuVsWasm(
      'Conv2DBackpropFilter',
      () => ({
        x: tf.tensor4d(testValues(size(x), 1), x),
        dy: tf.tensor4d(testValues(size(dyShape), 2), dyShape),
      }),
      { strides, pad, dataFormat: dataFormat ?? 'NHWC', dimRoundingMode: undefined, filterShape: f },
    );
    expect(diff).toBeLessThanOrEqual(1);
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
    expect(
      await cpuVsWasm(
        'DepthwiseConv2dNativeBackpropFilter',
        () => ({
          x: tf.tensor4d(testValues(size(x), 3), x),
          dy: tf.tensor4d(testValues(size(dyShape), 4), dyShape),
        }),
        { ...attrs, filterShape: f },
      ),
    ).toBeLessThanOrEqual(1);
    expect(
      await cpuVsWasm(
        'DepthwiseConv2dNativeBackpropInput',
        () => ({
          dy: tf.tensor4d(testValues(size(dyShape), 5), dyShape),
          filter: tf.tensor4d(testValues(size(f), 6), f),
        }),
        { ...attrs, inputShape: x },
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('dilated depthwise filter gradient equals sum(depthwiseConv2d(x, e_k) * dy) per filter entry', async () => {
    // The reference uses only tfjs's own forward depthwiseConv2d with dilations 2 (linearity in the filter).
    await setBackend('wasm');
    const x: Shape4 = [1, 7, 7, 2],
      f: Shape4 = [2, 2, 2, 2];
    const dyShape: Shape4 = [1, 7, 7, 4];
    const xt = tf.tensor4d(testValues(98, 7), x);
    const dy = tf.tensor4d(testValues(196, 8), dyShape);
    const got = tf
      .engine()
      .runKernel(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: xt, dy } as unknown as tf.NamedTensorMap,
        { strides: 1, pad: 'same', dilations: 2, filterShape: f } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor;
    const g = got.dataSync();
    // Both sides sum at most 98 products x * dy (one per output position and channel) in float32, each within
    // gamma32(98) of sum |x dy| <= 98 (|x|, |dy| < 1), so they differ by at most 2 gamma32(98) * 98.
    for (let k = 0; k < 16; k++) {
      const e = new Float32Array(16);
      e[k] = 1;
      const ref = tf.tidy(() => tf.sum(tf.mul(tf.depthwiseConv2d(xt, tf.tensor4d(e, f), 1, 'same', 'NHWC', 2), dy)).dataSync()[0]);
      expect(Math.abs(g[k] - ref)).toBeLessThanOrEqual(2 * gamma32(98) * 98);
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
    const loss = opt.minimize(
      () =>
        tf.tidy(() => {
          let h = tf.relu(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'same'));
          h = tf.maxPool(h, 2, 2, 'valid');
          h = tf.relu(tf.depthwiseConv2d(h, wd as tf.Tensor4D, 1, 'same'));
          h = tf.conv2d(h, w2 as tf.Tensor4D, 2, [
            [0, 0],
            [1, 1],
            [1, 1],
            [0, 0],
          ]);
          const logits = tf.matMul(tf.reshape(h, [4, 8]), wf as tf.Tensor2D);
          return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
        }),
      true,
    );
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
    // First-order estimate, not a rigorous bound: each step's sums differ between backends by at most
    // 2 gamma32(K) of their sum of |terms| (K = 256, the largest reduction: the first conv's filter gradient
    // over 4 x 8 x 8 positions), and these differences add up over the 6 steps; with inputs and weights in
    // [-1, 1) the sums of |terms| are taken to be of the order of the values (relative tolerance).
    const rel = 6 * 2 * gamma32(256);
    for (let i = 0; i < 6; i++) expect(Math.abs(wasm.losses[i] - cpu.losses[i])).toBeLessThanOrEqual(rel * Math.abs(cpu.losses[i]));
    for (let i = 0; i < cpu.weights.length; i++) expect(relMaxDiff(wasm.weights[i], cpu.weights[i])).toBeLessThanOrEqual(rel);
  });

  it('no tensor leaks over many gradient steps on wasm', async () => {
    await setBackend('wasm');
    const x = tf.tensor4d(testValues(2 * 6 * 6 * 2, 21), [2, 6, 6, 2]);
    const w = tf.variable(tf.tensor4d(testValues(36, 22), [3, 3, 2, 2]));
    const wd = tf.variable(tf.tensor4d(testValues(18, 23), [3, 3, 2, 1]));
    const opt = tf.train.sgd(0.01);
    await expectNoLeaks(
      () => {
        opt.minimize(() =>
          tf.tidy(
            () =>
              tf.sum(tf.square(tf.depthwiseConv2d(tf.conv2d(x, w as tf.Tensor4D, 2, 'same'), wd as tf.Tensor4D, 1, 'same'))) as tf.Scalar,
          ),
        );
      },
      { iterations: 300 },
    );
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
    const fn = (abs: boolean) => () => {
      const v = tf.tensor(
        testValues(
          x.reduce((a, b) => a * b, 1),
          31,
        ),
        x,
      );
      return [tf.unsortedSegmentSum(abs ? tf.abs(v) : v, tf.tensor1d(idv, 'int32'), n)];
    };
    const cpu = await runOn('cpu', fn(false));
    const wasm = await runOn('wasm', fn(false));
    const absSum = await runOn('cpu', fn(true));
    expect(wasm.shapes).toEqual(cpu.shapes);
    // a segment sums at most idv.length rows: the float32 bound of two such sums
    expect(worstOfTwoSumsBound(wasm.values[0], cpu.values[0], absSum.values[0], idv.length)).toBeLessThanOrEqual(1);
  });

  it('the gradient of tf.gather works on wasm and matches cpu', async () => {
    const fn = () => {
      const p = tf.tensor2d(testValues(12, 33), [4, 3]);
      const g = tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.gather(v, tf.tensor1d([3, 0, 3, 1], 'int32')))))(p);
      return [g];
    };
    const cpu = await runOn('cpu', fn);
    const wasm = await runOn('wasm', fn);
    // d/dv sum(gather(v)^2) = 2 v times the number of times a row is gathered (at most 2 here): a sum of at
    // most 2 float32 terms 2 v, so the two backends differ by at most 2 gamma32(2) * 2 * 2 |v| per entry.
    const p = testValues(12, 33);
    for (let i = 0; i < 12; i++)
      expect(Math.abs(wasm.values[0][i] - cpu.values[0][i])).toBeLessThanOrEqual(2 * gamma32(2) * 4 * Math.abs(p[i]));
  });
});
