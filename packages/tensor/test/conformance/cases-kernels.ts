/**
 * Convolution gradient kernels that Neurite registers for wasm
 * (Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropFilter / Input), plus
 * tfjs's own Conv2DBackpropInput, called through the engine so no gradient
 * registry is needed; and UnsortedSegmentSum (tf.gather's gradient), also
 * registered for wasm. Every backend is compared with cpu.
 */
import { tf } from '../../src/index.js';
import type { CaseOutput, ConformanceCase } from './types.js';
import { fill } from './case-data.js';

type Shape4 = [number, number, number, number];
type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

function t4(shape: Shape4, seed: number): tf.Tensor4D {
  return tf.tensor4d(
    fill(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}

function outShape(x: Shape4, f: Shape4, strides: number | [number, number], pad: Pad, depthwise: boolean): Shape4 {
  return tf.backend_util.computeConv2DInfo(x, f, strides, 1, pad, undefined, depthwise).outShape as Shape4;
}

async function kernel(name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): Promise<CaseOutput> {
  const out = tf.engine().runKernel(name, inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  const values = await out.data();
  tf.dispose([out, ...Object.values(inputs)]);
  return { out: values };
}

const CONV_TOL = {
  atol: 1e-4,
  toleranceReason: 'float32 sums of up to a few hundred products of values in [-1, 1), accumulated in a different order per backend',
};

const filterCases: Array<{ x: Shape4; f: Shape4; strides: number | [number, number]; pad: Pad }> = [
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
];

const depthwiseCases: Array<{ x: Shape4; f: Shape4; strides: number; pad: Pad }> = [
  { x: [2, 7, 7, 3], f: [3, 3, 3, 2], strides: 1, pad: 'same' },
  { x: [1, 9, 8, 2], f: [2, 3, 2, 1], strides: 2, pad: 'valid' },
];

export const cases: ConformanceCase[] = [
  ...filterCases.map(({ x, f, strides, pad }, i): ConformanceCase => ({
    name: `Conv2DBackpropFilter x ${x.join('x')} filter ${f.join('x')} strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)}`,
    ...CONV_TOL,
    run: () =>
      kernel(
        'Conv2DBackpropFilter',
        { x: t4(x, 100 + i), dy: t4(outShape(x, f, strides, pad, false), 200 + i) },
        { strides, pad, dataFormat: 'NHWC', filterShape: f },
      ),
  })),
  ...filterCases.map(({ x, f, strides, pad }, i): ConformanceCase => ({
    name: `Conv2DBackpropInput x ${x.join('x')} filter ${f.join('x')} strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)}`,
    ...CONV_TOL,
    run: () =>
      kernel(
        'Conv2DBackpropInput',
        { dy: t4(outShape(x, f, strides, pad, false), 300 + i), filter: t4(f, 400 + i) },
        { strides, pad, dataFormat: 'NHWC', inputShape: x },
      ),
  })),
  ...depthwiseCases.map(({ x, f, strides, pad }, i): ConformanceCase => ({
    name: `DepthwiseConv2dNativeBackpropFilter x ${x.join('x')} filter ${f.join('x')} strides ${strides} pad ${pad}`,
    ...CONV_TOL,
    run: () =>
      kernel(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: t4(x, 500 + i), dy: t4(outShape(x, f, strides, pad, true), 600 + i) },
        { strides, pad, dilations: 1, filterShape: f },
      ),
  })),
  ...depthwiseCases.map(({ x, f, strides, pad }, i): ConformanceCase => ({
    name: `DepthwiseConv2dNativeBackpropInput x ${x.join('x')} filter ${f.join('x')} strides ${strides} pad ${pad}`,
    ...CONV_TOL,
    run: () =>
      kernel(
        'DepthwiseConv2dNativeBackpropInput',
        { dy: t4(outShape(x, f, strides, pad, true), 700 + i), filter: t4(f, 800 + i) },
        { strides, pad, dilations: 1, inputShape: x },
      ),
  })),
  {
    name: 'UnsortedSegmentSum, 8x3 rows into 5 segments (one id out of range)',
    run: async () => {
      const x = tf.tensor2d(fill(24, 900), [8, 3]);
      const ids = tf.tensor1d([4, 0, 1, 1, 4, -1, 2, 0], 'int32');
      const out = tf.unsortedSegmentSum(x, ids, 5);
      const values = await out.data();
      tf.dispose([x, ids, out]);
      return { out: values };
    },
  },
];
