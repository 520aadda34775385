import type { LayersModel } from '@neurite/tensor/layers';
import { ConvertError } from './convert-error.js';
import type { LayerNode, LayerOp, Network, Padding2d } from './network.js';

/** What a user can do about a layer class the converter does not map. */
const ADVICE: Record<string, string> = {
  LeakyReLU: 'replace it by ReLU and retrain: IF neurons cannot emit negative rates',
  PReLU: 'replace it by ReLU and retrain: IF neurons cannot emit negative rates',
  ELU: 'replace it by ReLU and retrain: IF neurons cannot emit negative rates',
  Softmax: 'remove it (the converted network reads out the argmax of the last layer) or keep it only as the final layer',
  LSTM: 'recurrent layers are not converted; use a feed-forward model',
  GRU: 'recurrent layers are not converted; use a feed-forward model',
  SimpleRNN: 'recurrent layers are not converted; use a feed-forward model',
  Concatenate: 'concatenation is not converted yet; use Add for residual connections',
  Multiply: 'products of activations have no spiking form; remove the layer',
  LayerNormalization: 'layer normalisation depends on the sample; use BatchNormalization (folded into weights)',
  Conv1D: 'reshape the data to 2-D and use Conv2D with a 1×k kernel',
  SeparableConv2D: 'split it into DepthwiseConv2D followed by a 1×1 Conv2D',
  Conv2DTranspose: 'transposed convolutions are not converted',
  UpSampling2D: 'upsampling is not converted',
  Reshape: 'use Flatten (the only reshape the converter maps)',
  Embedding: 'embeddings are not converted; feed dense vectors',
};

interface LayerLike {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  getWeights(): { shape: number[]; data(): Promise<Float32Array | Int32Array | Uint8Array> }[];
  outputShape: (number | null)[] | (number | null)[][];
  inboundNodes: { inboundLayers: LayerLike[] }[];
}

const pair = (v: unknown, name: string): [number, number] => {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return [v[0] as number, v[1] as number];
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number') return [v[0], v[0]];
  throw new ConvertError(name, `layer '${name}': cannot read a 2-D size from ${JSON.stringify(v)}`, { code: 'ERR_FORMAT' });
};

const padding = (v: unknown, layer: string): Padding2d => {
  if (v === 'same' || v === 'valid') return v;
  throw new ConvertError(layer, `layer '${layer}': padding '${String(v)}' is not converted; use 'same' or 'valid'`, {
    code: 'ERR_UNSUPPORTED',
  });
};

/**
 * Read a tfjs-layers model (Sequential or functional) into the converter's
 * `Network`: Dense, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU and
 * `activation: 'relu'`, AveragePooling2D, MaxPooling2D, GlobalAveragePooling2D,
 * Flatten, Add, Dropout (dropped: identity at inference), ZeroPadding2D,
 * InputLayer. SiLU/swish and GELU become an activation node converted as ReLU
 * (README, "Approximations"); a softmax on the output layer is dropped (the
 * SNN reads out the argmax). Anything else throws a ConvertError naming the
 * layer, its class and what to do. Weights are read with `await data()`.
 * @throws ConvertError ERR_UNSUPPORTED (layer/option), ERR_NOT_FINITE (NaN/∞
 *   weights, naming the layer), ERR_SHAPE (more than one input or output).
 */
export async function fromLayersModel(model: LayersModel): Promise<Network> {
  if (model == null || !Array.isArray((model as { layers?: unknown }).layers)) {
    throw new ConvertError('model', 'fromLayersModel: model must be a tfjs-layers LayersModel');
  }
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new ConvertError(
      'model',
      `fromLayersModel: the model must have one input and one output, got ${model.inputs.length} and ${model.outputs.length}`,
      {
        code: 'ERR_SHAPE',
      },
    );
  }
  const nodes: LayerNode[] = [];
  const where = new Map<string, number>(); // layer name -> node index of its output
  const outputLayerName = (model.outputs[0] as unknown as { sourceLayer: { name: string } }).sourceLayer.name;
  const inShape = model.inputs[0].shape.slice(1).map((d) => {
    if (d == null)
      throw new ConvertError('model', 'fromLayersModel: the input shape must be fully known (no null besides the batch)', {
        code: 'ERR_SHAPE',
      });
    return d;
  });
  nodes.push({ name: 'input', className: 'InputLayer', op: { kind: 'input', shape: inShape }, inputs: [], shape: inShape });
  const layers = model.layers as unknown as LayerLike[];
  for (const layer of layers) {
    const cls = layer.getClassName();
    const cfg = layer.getConfig();
    const name = layer.name;
    if (cls === 'InputLayer') {
      where.set(name, 0);
      continue;
    }
    const inbound = layer.inboundNodes[0]?.inboundLayers ?? [];
    const inputs = inbound.map((l) => {
      const i = l.getClassName() === 'InputLayer' ? 0 : where.get(l.name);
      if (i === undefined)
        throw new ConvertError(name, `layer '${name}' (${cls}): its input '${l.name}' was not converted`, { code: 'ERR_SHAPE' });
      return i;
    });
    if (inputs.length === 0) inputs.push(0);
    const outShape = (layer.outputShape as (number | null)[]).slice(1) as number[];
    const weights = await Promise.all(layer.getWeights().map(async (w) => ({ shape: w.shape, data: Float32Array.from(await w.data()) })));
    for (let k = 0; k < weights.length; k++) {
      const d = weights[k].data;
      for (let i = 0; i < d.length; i++)
        if (!Number.isFinite(d[i]))
          throw new ConvertError(
            name,
            `layer '${name}' (${cls}): weight ${k} has a non-finite value (${d[i]}) at index ${i}; retrain or repair the model`,
            {
              code: 'ERR_NOT_FINITE',
            },
          );
    }
    const push = (op: LayerOp, ins: number[], shape: number[], nm = name, cn = cls): number => {
      nodes.push({ name: nm, className: cn, op, inputs: ins, shape });
      return nodes.length - 1;
    };
    const isOutput = name === outputLayerName;
    const activation = (idx: number, act: unknown): number => {
      if (act === undefined || act === null || act === 'linear') return idx;
      if (act === 'relu') return push({ kind: 'act', fn: 'relu' }, [idx], nodes[idx].shape, `${name}/relu`, 'Activation');
      if (act === 'silu' || act === 'swish')
        return push({ kind: 'act', fn: 'silu' }, [idx], nodes[idx].shape, `${name}/silu`, 'Activation');
      if (act === 'gelu' || act === 'gelu_new')
        return push({ kind: 'act', fn: 'gelu' }, [idx], nodes[idx].shape, `${name}/gelu`, 'Activation');
      if ((act === 'softmax' || act === 'sigmoid') && isOutput) return idx; // monotone readout: argmax unchanged
      throw new ConvertError(
        name,
        `layer '${name}' (${cls}): activation '${String(act)}' is not converted; use 'relu' (or 'linear'/'softmax' on the output layer)`,
        {
          code: 'ERR_UNSUPPORTED',
        },
      );
    };
    const single = () => {
      if (inputs.length !== 1)
        throw new ConvertError(name, `layer '${name}' (${cls}): expected one input, got ${inputs.length}`, { code: 'ERR_SHAPE' });
      return inputs[0];
    };
    let out: number;
    switch (cls) {
      case 'Dense': {
        const [w, b] = weights;
        const [inUnits, units] = w.shape;
        if (nodes[single()].shape.length !== 1)
          throw new ConvertError(
            name,
            `layer '${name}' (Dense): input must be 1-D per sample (add Flatten before it), got shape [${nodes[single()].shape}]`,
            {
              code: 'ERR_UNSUPPORTED',
            },
          );
        out = push({ kind: 'dense', w: w.data, b: b?.data ?? new Float32Array(units), inUnits, units }, [single()], [units]);
        out = activation(out, cfg.activation);
        break;
      }
      case 'Conv2D': {
        if (cfg.data_format === 'channels_first')
          throw new ConvertError(name, `layer '${name}' (Conv2D): data_format channels_first is not converted; use channels_last`, {
            code: 'ERR_UNSUPPORTED',
          });
        if (cfg.groups !== undefined && cfg.groups !== 1)
          throw new ConvertError(name, `layer '${name}' (Conv2D): grouped convolution is not converted`, { code: 'ERR_UNSUPPORTED' });
        const [w, b] = weights;
        const [kh, kw, cin, cout] = w.shape;
        const dilation = pair(cfg.dilation_rate ?? 1, name);
        out = push(
          {
            kind: 'conv2d',
            w: w.data,
            b: b?.data ?? new Float32Array(cout),
            kernel: [kh, kw],
            cin,
            cout,
            strides: pair(cfg.strides, name),
            padding: padding(cfg.padding, name),
            dilation,
          },
          [single()],
          outShape,
        );
        out = activation(out, cfg.activation);
        break;
      }
      case 'DepthwiseConv2D': {
        if (cfg.data_format === 'channels_first')
          throw new ConvertError(name, `layer '${name}' (DepthwiseConv2D): data_format channels_first is not converted`, {
            code: 'ERR_UNSUPPORTED',
          });
        const [w, b] = weights;
        const [kh, kw, cin, multiplier] = w.shape;
        out = push(
          {
            kind: 'depthwise',
            w: w.data,
            b: b?.data ?? new Float32Array(cin * multiplier),
            kernel: [kh, kw],
            cin,
            multiplier,
            strides: pair(cfg.strides, name),
            padding: padding(cfg.padding, name),
          },
          [single()],
          outShape,
        );
        out = activation(out, cfg.activation);
        break;
      }
      case 'BatchNormalization': {
        const axis = cfg.axis as number;
        const rank = nodes[single()].shape.length + 1;
        if (axis !== -1 && axis !== rank - 1)
          throw new ConvertError(name, `layer '${name}' (BatchNormalization): only the channel (last) axis is folded, got axis ${axis}`, {
            code: 'ERR_UNSUPPORTED',
          });
        const c = outShape[outShape.length - 1];
        let k = 0;
        const gamma = cfg.scale === false ? new Float32Array(c).fill(1) : weights[k++].data;
        const beta = cfg.center === false ? new Float32Array(c) : weights[k++].data;
        const mean = weights[k++].data;
        const variance = weights[k].data;
        out = push({ kind: 'batchnorm', gamma, beta, mean, variance, epsilon: cfg.epsilon as number }, [single()], outShape);
        break;
      }
      case 'ReLU': {
        if ((cfg.maxValue ?? cfg.max_value) != null)
          throw new ConvertError(name, `layer '${name}' (ReLU): max_value is not converted (QCFS learns its own clip λ); remove it`, {
            code: 'ERR_UNSUPPORTED',
          });
        out = push({ kind: 'act', fn: 'relu' }, [single()], outShape);
        break;
      }
      case 'Activation':
        out = activation(single(), cfg.activation);
        if (out !== single()) nodes[out].name = name;
        break;
      case 'AveragePooling2D':
      case 'MaxPooling2D': {
        const pool = pair(cfg.pool_size ?? cfg.poolSize, name);
        const op = { pool, strides: pair(cfg.strides ?? pool, name), padding: padding(cfg.padding, name) };
        out = push(cls === 'MaxPooling2D' ? { kind: 'maxpool', ...op } : { kind: 'avgpool', ...op }, [single()], outShape);
        break;
      }
      case 'GlobalAveragePooling2D':
        out = push({ kind: 'gap' }, [single()], outShape);
        break;
      case 'Flatten':
        out = push({ kind: 'flatten' }, [single()], outShape);
        break;
      case 'ZeroPadding2D': {
        const p = cfg.padding as number | [number, number] | [[number, number], [number, number]];
        const pad: [[number, number], [number, number]] =
          typeof p === 'number'
            ? [
                [p, p],
                [p, p],
              ]
            : Array.isArray(p[0])
              ? (p as [[number, number], [number, number]])
              : [
                  [p[0] as number, p[0] as number],
                  [p[1] as number, p[1] as number],
                ];
        out = push({ kind: 'zeropad', pad }, [single()], outShape);
        break;
      }
      case 'Add':
        if (inputs.length < 2) throw new ConvertError(name, `layer '${name}' (Add): needs two or more inputs`, { code: 'ERR_SHAPE' });
        out = push({ kind: 'add' }, inputs, outShape);
        break;
      case 'Dropout':
      case 'SpatialDropout2D':
      case 'GaussianDropout':
      case 'AlphaDropout':
        out = single();
        break;
      default:
        throw new ConvertError(
          name,
          `layer '${name}' (${cls}) is not supported by the converter: ${ADVICE[cls] ?? 'replace it by a supported layer (Dense, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU, AveragePooling2D, MaxPooling2D, GlobalAveragePooling2D, Flatten, Add, Dropout, ZeroPadding2D) and retrain'}`,
          { code: 'ERR_UNSUPPORTED' },
        );
    }
    where.set(name, out);
  }
  const output = where.get(outputLayerName);
  if (output === undefined)
    throw new ConvertError('model', `fromLayersModel: output layer '${outputLayerName}' not found`, { code: 'ERR_SHAPE' });
  return { nodes, output };
}
