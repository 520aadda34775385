import { ConvertError } from './convert-error.js';
import { bypassNodes, cloneNetwork, consumers } from './network.js';
import type { Network } from './network.js';

/**
 * Fold every BatchNormalization into the Dense / Conv2D / DepthwiseConv2D
 * before it (inference statistics):
 *
 *   s_c = γ_c / √(σ²_c + ε),   W'[…, c] = s_c W[…, c],   b'_c = s_c (b_c − μ_c) + β_c
 *
 * computed in float64 and rounded once to float32, so the folded layer equals
 * layer-then-BN up to float32 rounding of the two forms. Returns a new network.
 * @throws ConvertError ERR_UNSUPPORTED (argument = the BN layer) when a BN does
 *   not directly follow such a layer, or that layer feeds other layers too.
 */
export function foldBatchNorm(net: Network): Network {
  const out = cloneNetwork(net);
  const cons = consumers(out);
  const drop = new Set<number>();
  out.nodes.forEach((n, i) => {
    const op = n.op;
    if (op.kind !== 'batchnorm') return;
    const src = out.nodes[n.inputs[0]];
    const sop = src.op;
    if ((sop.kind !== 'dense' && sop.kind !== 'conv2d' && sop.kind !== 'depthwise') || cons[n.inputs[0]].length !== 1) {
      throw new ConvertError(
        n.name,
        `layer '${n.name}' (BatchNormalization) follows '${src.name}' (${src.className}); it can only be folded directly after a Dense, Conv2D or DepthwiseConv2D layer that feeds nothing else: move it there (Conv → BN → ReLU) and retrain`,
        { code: 'ERR_UNSUPPORTED' },
      );
    }
    const C = op.gamma.length;
    if (sop.b.length !== C)
      throw new ConvertError(n.name, `layer '${n.name}': ${C} channels, but '${src.name}' has ${sop.b.length}`, { code: 'ERR_SHAPE' });
    const s = new Float64Array(C);
    for (let c = 0; c < C; c++) s[c] = op.gamma[c] / Math.sqrt(op.variance[c] + op.epsilon);
    const w = new Float32Array(sop.w.length);
    for (let k = 0; k < w.length; k++) w[k] = sop.w[k] * s[k % C];
    const b = new Float32Array(C);
    for (let c = 0; c < C; c++) b[c] = s[c] * (sop.b[c] - op.mean[c]) + op.beta[c];
    sop.w = w;
    sop.b = b;
    drop.add(i);
  });
  return bypassNodes(out, drop);
}
