import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, type WasmBackend } from './wasm-heap.js';

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Gradient of conv2d with respect to its filter, on wasm (missing in
 * tfjs-backend-wasm 4.22):
 *   dW[wR, wC, d1, d2] = sum_{b, yR, yC} x[b, yR sH + wR - padTop, yC sW + wC - padLeft, d1] dy[b, yR, yC, d2]
 * (terms outside x are zero; dilations are 1, as tfjs's conv2d gradient requires).
 * NHWC and NCHW; padding 'same', 'valid', a number or explicit. Accumulates in
 * float64, one rank-1 update per (output position, filter tap), writes float32.
 */
export const conv2DBackpropFilterWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const b = backend as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    filterHeight,
    filterWidth,
    strideHeight,
    strideWidth,
  } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const last = info.dataFormat === 'channelsLast';
  // element strides of x and dy for (batch, row, col, channel)
  const xs = last
    ? [inHeight * inWidth * inChannels, inWidth * inChannels, inChannels, 1]
    : [inChannels * inHeight * inWidth, inWidth, 1, inHeight * inWidth];
  const ys = last
    ? [outHeight * outWidth * outChannels, outWidth * outChannels, outChannels, 1]
    : [outChannels * outHeight * outWidth, outWidth, 1, outHeight * outWidth];
  const acc = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  const out = b.makeOutput(info.filterShape.slice(), 'float32');
  const xv = f32View(b, x);
  const dv = f32View(b, dy);
  const dyRow = new Float64Array(outChannels);
  for (let n = 0; n < batchSize; n++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const yBase = n * ys[0] + yR * ys[1] + yC * ys[2];
        let any = false;
        for (let d2 = 0; d2 < outChannels; d2++) {
          const g = dv[yBase + d2 * ys[3]];
          dyRow[d2] = g;
          if (g !== 0) any = true;
        }
        if (!any) continue;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight + wR - top;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth + wC - left;
            if (xC < 0 || xC >= inWidth) continue;
            const xBase = n * xs[0] + xR * xs[1] + xC * xs[2];
            let w = (wR * filterWidth + wC) * inChannels * outChannels;
            for (let d1 = 0; d1 < inChannels; d1++, w += outChannels) {
              const xval = xv[xBase + d1 * xs[3]];
              if (xval === 0) continue;
              for (let d2 = 0; d2 < outChannels; d2++) acc[w + d2] += xval * dyRow[d2];
            }
          }
        }
      }
    }
  }
  f32View(b, out).set(acc);
  return out;
};

export const conv2DBackpropFilterWasmConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilterWasm,
};
